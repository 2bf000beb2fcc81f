"""What the 数据交换 page says: the record kinds a package counts, an import's outcome, a stick by its name."""

from __future__ import annotations

from station_app.services import volumes
from station_app.ui.i18n import N_, tr

COUNT_WORDS = {
    "complaints": N_("投诉"),
    "complaint_events": N_("办理过程"),
    "followups": N_("回访"),
    "consultations": N_("咨询"),
    "reports": N_("举报"),
    "outreach_events": N_("宣传活动"),
    "warnings": N_("消费警示"),
    "tombstones": N_("删除"),
}


def drive_label(target: volumes.Target) -> str:
    """A stick by its name, where it is mounted and its free space; a chosen folder by its path."""
    if not target.stick:
        return str(target.path)
    return tr("{0}（{1}，可用 {2} MB）").format(target.path.name or target.path, target.path, target.free_mb)


IMPORT_STATUS = {
    "imported": N_("已导入"),
    "unchanged": N_("已导入过，没有变化"),
    "dry_run": N_("试运行（未写入）"),
    "refused": N_("已拒收"),
    "cancelled": N_("已取消"),
}
