<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>station_app</name>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="133" />
      <source>  {0}第 {1} 行〔{2}〕：{3}</source>
      <translation>  {0}row {1} [{2}]: {3}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="46" />
      <location filename="../../station_app/ui/stats_page.py" line="109" />
      <source> 年</source>
      <translation> </translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="63" />
      <source>2 个工作日内到期</source>
      <translation>Due within 2 working days</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="48" />
      <source>2–12 位字母或数字，如 XJ（用于案件编号 XJ-2026-0001）</source>
      <translation>2–12 letters or digits, e.g. XJ (used in case numbers such as XJ-2026-0001)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="55" />
      <source>&lt;b&gt;第一个用户（站长，可再添加其他工作人员）&lt;/b&gt;</source>
      <translation>&lt;b&gt;First user (the station head, who can add other staff later)&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="157" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="238" />
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="137" />
      <location filename="../../station_app/ui/stats_page.py" line="238" />
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="68" />
      <source>{0} · 消费维权服务站登记簿 {1}</source>
      <translation>{0} · Consumer Rights Station Register {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="164" />
      <source>{0} 月</source>
      <translation>{0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="58" />
      <source>{0}–{1}，留空按默认</source>
      <translation>{0}–{1}; leave empty for the default</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="95" />
      <source>{0}　{1} 投诉 {2}</source>
      <translation>{0}  {1} against {2}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="82" />
      <source>{0}年{1}月</source>
      <translation>{1}/{0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="66" />
      <source>{0}月</source>
      <translation>M{0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="84" />
      <source>{0}（{1} 字节）</source>
      <translation>{0} ({1} bytes)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="128" />
      <source>{0}（{1} 行）</source>
      <translation>{0} ({1} rows)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="24" />
      <source>{0}（{1}，可用 {2} MB）</source>
      <translation>{0} ({1}, {2} MB free)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="132" />
      <location filename="../../station_app/ui/evidence_panel.py" line="112" />
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="103" />
      <source>{0}：{1} 列（{2}）。核对后按“检查”或“导入”。</source>
      <translation>{0}: {1} columns ({2}). Check them, then press "Check" or "Import".</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/month_chart.py" line="44" />
      <source>{month}月</source>
      <translation>{month}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/month_chart.py" line="36" />
      <source>{month}：登记 {received} 件，调解结案 {settled} 件</source>
      <translation>{month}: {received} registered, {settled} settled</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="116" />
      <location filename="../../station_app/ui/month_chart.py" line="43" />
      <source>{year}年{month}月</source>
      <translation>{month}/{year}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="93" />
      <source>■ 本期　　▬ 去年同期</source>
      <translation>■ this period    ▬ same period last year</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="381" />
      <source>　首次导入该站：请电话核对指纹 {0} 后确认。</source>
      <translation> First import from this station: check fingerprint {0} by phone, then confirm.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="34" />
      <source>不予受理</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="44" />
      <source>不予受理理由</source>
      <translation>Reason for not accepting</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="35" />
      <source>不加密（明文备份：U盘丢失会泄露消费者个人信息）</source>
      <translation>Don't encrypt (plain backup: a lost USB stick exposes consumers' personal data)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="79" />
      <source>不同站点可能重复的投诉（同一电话、同一经营者，30 天内）：</source>
      <translation>Likely duplicates across stations (same phone, same business, within 30 days):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="282" />
      <source>不能办理</source>
      <translation>Not possible</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="86" />
      <source>不选：导出全部记录，含本月</source>
      <translation>Unticked: every record, this month included</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="71" />
      <source>两次输入的密码不一样</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="60" />
      <location filename="../../station_app/ui/setup_dialog.py" line="103" />
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="363" />
      <source>个人信息已去标识化</source>
      <translation>personal data masked</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/row_text.py" line="12" />
      <location filename="../../station_app/ui/welcome.py" line="127" />
      <source>临期</source>
      <translation>due soon</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>临期提醒（提前几个工作日）</source>
      <translation>Warn of a deadline (working days ahead)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="93" />
      <source>主题</source>
      <translation>Subject</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="13" />
      <location filename="../../station_app/ui/main_window.py" line="46" />
      <source>举报</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="52" />
      <source>举报人电话</source>
      <translation>Reporter's phone</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="51" />
      <source>举报人（可匿名，不填）</source>
      <translation>Reporter (may stay anonymous: leave empty)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="47" />
      <source>举报日期 *</source>
      <translation>Report date *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="30" />
      <source>书面</source>
      <translation>In writing</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="70" />
      <source>争议事实：{0}</source>
      <translation>Facts in dispute: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="40" />
      <location filename="../../station_app/ui/records_page.py" line="83" />
      <source>人次</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="131" />
      <source>以下行有问题，整份台账没有导入（改正后再导入）：</source>
      <translation>These rows have problems; nothing of the ledger was imported (correct them and import again):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="61" />
      <source>例如：已寄送终止调解告知书</source>
      <translation>e.g. termination letter posted</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="78" />
      <source>依据或来源</source>
      <translation>Basis or source</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="116" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="36" />
      <source>保存本站信息</source>
      <translation>Save the station's details</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="157" />
      <source>保存标注副本</source>
      <translation>Save marked copy</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="43" />
      <source>保存标注副本…</source>
      <translation>Save marked copy…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="69" />
      <source>保存设置</source>
      <translation>Save settings</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="149" />
      <source>做了什么</source>
      <translation>What was done</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="92" />
      <source>停用 / 启用</source>
      <translation>Disable / enable</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="219" />
      <source>先在上面选中一件投诉</source>
      <translation>Select a complaint above first</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="98" />
      <source>先在表中选中一个站点的月份</source>
      <translation>Select a station's month in the table first</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="127" />
      <source>先选中一个证据</source>
      <translation>Select a piece of evidence first</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="88" />
      <source>全县汇总（报市级）</source>
      <translation>County roll-up (for the city)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="33" />
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="140" />
      <source>全部性质</source>
      <translation>All natures</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="78" />
      <source>全部月份</source>
      <translation>All months</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="135" />
      <source>全部类别</source>
      <translation>All categories</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="177" />
      <source>共 {0} 件{1}</source>
      <translation>{0} complaints{1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="221" />
      <source>共 {0} 条（显示最近 {1} 条）</source>
      <translation>{0} records (latest {1} shown)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="126" />
      <source>共 {0} 行，{1} 行检查通过。</source>
      <translation>{0} rows, {1} passed the checks.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="193" />
      <source>关账</source>
      <translation>Close the month</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="190" />
      <source>关账后 {0} 的数据冻结交县局：登记投诉 {1} 件，受理 {2} 件，调解结案 {3} 件。确定关账？</source>
      <translation>After closing, the figures of {0} are frozen and handed to the county office: {1} complaints registered, {2} accepted, {3} settled. Close the month?</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="128" />
      <source>关账月份：</source>
      <translation>Month to close:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="118" />
      <source>关账（冻结该月数据）…</source>
      <translation>Close the month (freeze its figures)…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="124" />
      <location filename="../../station_app/ui/print_preview.py" line="106" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="49" />
      <source>其中加倍赔偿（元）</source>
      <translation>Of which punitive compensation (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="59" />
      <source>再输一次</source>
      <translation>Again</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="33" />
      <source>再输入一次</source>
      <translation>Enter it again</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="59" />
      <source>再输入一次 *</source>
      <translation>Enter it again *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="16" />
      <source>删除</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="47" />
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="81" />
      <source>刷新U盘列表</source>
      <translation>Refresh USB sticks</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="156" />
      <source>办理</source>
      <translation>Handle</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="64" />
      <source>办理中的投诉</source>
      <translation>Open complaints</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="10" />
      <source>办理过程</source>
      <translation>Case steps</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="72" />
      <source>办理过程：</source>
      <translation>Case steps:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="67" />
      <source>加载演示登记簿（试用，可随时删除数据文件重来）</source>
      <translation>Load a demo register (to try things out; delete the data file to start again)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="50" />
      <source>协议内容</source>
      <translation>Terms of the agreement</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="31" />
      <location filename="../../station_app/ui/workbench.py" line="141" />
      <source>即将到期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="164" />
      <source>原因（如：送检测、委托鉴定）：</source>
      <translation>Reason (e.g. sent for testing or appraisal):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="130" />
      <source>原因（文件仍保留在备份和审计记录中）：</source>
      <translation>Reason (the file stays in the backups and the audit trail):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="180" />
      <source>原因：</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <location filename="../../station_app/services/exchange/months.py" />
      <source>县局已接收</source>
      <translation>accepted by the county office</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="44" />
      <source>县局登记簿（汇总各站数据包）</source>
      <translation>County office register (merges the stations' packages)</translation>
    </message>
    <message>
      <location filename="../../station_app/services/exchange/months.py" />
      <source>县局退回</source>
      <translation>returned by the county office</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="141" />
      <source>县局：导入各站的数据包</source>
      <translation>County office: import the stations' packages</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="76" />
      <source>县局：导出数据包（汇总报市级）</source>
      <translation>County office: export a package (roll-up for the city)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="33" />
      <source>县级统计员</source>
      <translation>County clerk</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="74" />
      <source>发布日期 *</source>
      <translation>Date issued *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="79" />
      <source>发布渠道</source>
      <translation>Published through</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="63" />
      <source>发放资料（份）</source>
      <translation>Leaflets handed out</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="100" />
      <source>发票、收据、三包凭证、聊天截图、照片（图片或 PDF），保存登记时一起保存</source>
      <translation>Invoices, receipts, warranty cards, chat screenshots, photos (pictures or PDF), saved with the complaint</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="69" />
      <source>发表文章（篇）</source>
      <translation>Articles published</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="338" />
      <location filename="../../station_app/ui/field_rows.py" line="35" />
      <location filename="../../station_app/ui/login_dialog.py" line="34" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="66" />
      <source>受{0}委托调解（{1} 起）</source>
      <translation>Mediation entrusted by {0} (since {1})</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="67" />
      <location filename="../../station_app/ui/records_page.py" line="95" />
      <source>受众（人次）</source>
      <translation>Audience (persons)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="206" />
      <source>受市场监管部门委托调解</source>
      <translation>Mediation entrusted by the market-regulation office</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="111" />
      <source>受市场监管部门委托调解…</source>
      <translation>Entrusted by the market-regulation office…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="33" />
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="59" />
      <source>受理决定期限：{0}　调解期限：{1}</source>
      <translation>Decide on acceptance by: {0}  Mediation due: {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="49" />
      <source>受理日期 {0}　适用 {1}</source>
      <translation>Received {0}  Rules: {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="71" />
      <source>另一站的投诉</source>
      <translation>The other station's complaint</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="45" />
      <source>另存一份台账副本：有问题的单元格标红并加批注，首页列出全部问题；原文件不改动</source>
      <translation>Save a copy of the ledger with each problem cell filled red and commented, and all problems listed on the first sheet; the original file is not changed</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="137" />
      <source>另存为 PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="105" />
      <source>另存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="85" />
      <source>只导出上次以来的变化</source>
      <translation>Only changes since the last export</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="49" />
      <source>只有站长可以修改本站信息。</source>
      <translation>Only the station head can change the station's details.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="117" />
      <source>只有站长可以添加工作人员、停用账号和重设密码。</source>
      <translation>Only the station head can add staff, disable accounts and reset passwords.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="32" />
      <source>只读用户</source>
      <translation>Read-only user</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="370" />
      <location filename="../../station_app/ui/settings_page.py" line="136" />
      <source>可以安全拔出U盘。</source>
      <translation>The USB stick can be removed safely.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="141" />
      <source>可按“保存标注副本…”另存一份标出这些问题的台账，改正后再导入。</source>
      <translation>Use “Save marked copy…” to save a copy of the ledger with these problems marked, correct it, then import it again.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="121" />
      <source>可用</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="75" />
      <source>台账 (*.xlsx *.csv)</source>
      <translation>Ledger (*.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="57" />
      <source>台账的列</source>
      <translation>Ledger column</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="55" />
      <source>各站数据包（次月 5 日前交）：</source>
      <translation>Stations' packages (due by the 5th of the next month):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="62" />
      <source>合作单位</source>
      <translation>Partners</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="237" />
      <source>合计挽回经济损失：</source>
      <translation>Total recovered:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="64" />
      <source>告知方式</source>
      <translation>How told</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="63" />
      <source>告知日期</source>
      <translation>Date told</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="143" />
      <source>告知终止 {0} 前</source>
      <translation>Tell of the termination by {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="92" />
      <source>告知终止期限：{0}</source>
      <translation>Termination notice due: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="90" />
      <source>告知终止：已于 {0} 告知双方</source>
      <translation>Termination notice: both parties told on {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="12" />
      <location filename="../../station_app/ui/main_window.py" line="45" />
      <source>咨询</source>
      <translation>Consultations</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="83" />
      <source>咨询事项</source>
      <translation>Question</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="39" />
      <source>咨询事项 *</source>
      <translation>Question *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="107" />
      <source>咨询事项（可不填）：</source>
      <translation>Question (optional):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="42" />
      <source>咨询人</source>
      <translation>Asked by</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="38" />
      <source>咨询日期 *</source>
      <translation>Date *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="227" />
      <source>商品价款或服务费用（元）</source>
      <translation>Price of the goods or service (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="30" />
      <location filename="../../station_app/ui/welcome.py" line="78" />
      <source>商品或服务</source>
      <translation>Goods or service</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="54" />
      <source>商品或服务：{0}　{1}　{2}</source>
      <translation>Goods or service: {0}  {1}  {2}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="163" />
      <source>回执-{0}.pdf</source>
      <translation>receipt-{0}.pdf</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="254" />
      <source>回执保存到哪个文件夹？</source>
      <translation>Save the receipts in which folder?</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="220" />
      <location filename="../../station_app/ui/case_dialog.py" line="225" />
      <location filename="../../station_app/ui/exchange_texts.py" line="11" />
      <source>回访</source>
      <translation>Follow-up visit</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="107" />
      <source>回访…</source>
      <translation>Follow-up visit…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="112" />
      <location filename="../../station_app/ui/evidence_panel.py" line="96" />
      <source>图片或 PDF (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.tif *.tiff *.pdf)</source>
      <translation>Pictures or PDF (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="49" />
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="61" />
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="41" />
      <source>场所类型</source>
      <translation>Venue</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="59" />
      <source>场所类型 *</source>
      <translation>Venue type *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="239" />
      <source>填入挽回经济损失和加倍赔偿</source>
      <translation>Fill in recovered and punitive amounts</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="15" />
      <source>备份到U盘：设置备份密码</source>
      <translation>Backup to a USB stick: set a backup password</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="111" />
      <source>备份到哪个文件夹（如U盘）？</source>
      <translation>Back up to which folder (e.g. a USB stick)?</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="117" />
      <location filename="../../station_app/ui/settings_page.py" line="129" />
      <source>备份失败：{0}</source>
      <translation>Backup failed: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="30" />
      <source>备份密码</source>
      <translation>Backup password</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="19" />
      <source>备份里有消费者的姓名、电话和身份证号。加密后，U盘丢失也不会泄露；恢复时需要输入这个密码，请记在安全的地方（忘记密码将无法恢复这份备份）。</source>
      <translation>The backup holds consumers' names, phones and ID numbers. Encrypted, a lost USB stick reveals nothing; restoring it needs this password, so keep it somewhere safe (a forgotten password means this backup cannot be restored).</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="65" />
      <location filename="../../station_app/ui/workflow_dialog.py" line="113" />
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/search_index_status.py" line="57" />
      <source>大批导入后，本程序在后台补建查找和统计用的索引；建好前各项功能照常，只是慢一些。</source>
      <translation>After a large import the program rebuilds the lookup indexes for searches and figures in the background; until then everything works, only slower.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="360" />
      <source>失败：{0}</source>
      <translation>Failed: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="50" />
      <source>如：新集镇消费维权服务站</source>
      <translation>e.g. Xinji Town Consumer Rights Station</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="56" />
      <source>如：李站长</source>
      <translation>e.g. Li (station head)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="55" />
      <location filename="../../station_app/ui/staff_page.py" line="86" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="207" />
      <source>委托调解的市场监督管理局（全称；清空则取消委托）：</source>
      <translation>Market-regulation office that entrusted the mediation (full name; clear it to withdraw):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="43" />
      <source>季度</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="64" />
      <source>完成设置</source>
      <translation>Finish set-up</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="36" />
      <source>审计记录</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="198" />
      <source>审计记录完整：共 {0} 条最近记录已显示，链条校验通过</source>
      <translation>Audit trail intact: the latest {0} entries are shown and the chain checks out</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="194" />
      <source>审计记录有改动：</source>
      <translation>The audit trail was altered: </translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="76" />
      <source>审计记录：</source>
      <translation>Audit trail:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="14" />
      <location filename="../../station_app/ui/main_window.py" line="47" />
      <source>宣传活动</source>
      <translation>Outreach</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="57" />
      <source>密码 *</source>
      <translation>Password *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="55" />
      <source>密码至少 {n} 位</source>
      <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="58" />
      <source>密码（至少 {0} 位）</source>
      <translation>Password (at least {0} characters)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="57" />
      <source>对应登记簿的字段</source>
      <translation>Register field</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="39" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="124" />
      <source>导入县局公告包…</source>
      <translation>Import the county's bulletin…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="120" />
      <source>导入县局答复…</source>
      <translation>Import the county office's answers…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/search_index_status.py" line="64" />
      <source>导入后本程序在后台为全县案件建立检索索引；建好后查找更快。</source>
      <translation>After an import the program builds a search index of the county's cases in the background; searches are faster once it is built.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="43" />
      <source>导入往年台账</source>
      <translation>Import last year's ledger</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="144" />
      <source>导入整个文件夹（U盘）…</source>
      <translation>Import a whole folder (USB stick)…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="92" />
      <location filename="../../station_app/ui/exchange_page.py" line="302" />
      <location filename="../../station_app/ui/exchange_page.py" line="290" />
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="116" />
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="117" />
      <source>导出 PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="281" />
      <source>导出到哪个文件夹？</source>
      <translation>Export to which folder?</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="96" />
      <source>导出到：</source>
      <translation>Export to:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="91" />
      <source>导出本县所有站点的记录，用县局密钥签名，交市级导入</source>
      <translation>Exports the records of every station of the county, signed with the county's key, for the city to import</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="58" />
      <source>导出答复包…</source>
      <translation>Export the answers…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="240" />
      <location filename="../../station_app/ui/stats_page.py" line="251" />
      <location filename="../../station_app/ui/stats_page.py" line="249" />
      <source>导出统计</source>
      <translation>Export figures</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="37" />
      <source>尚未选择文件</source>
      <translation>No file chosen yet</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="65" />
      <source>展板（块）</source>
      <translation>Display boards</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="47" />
      <location filename="../../station_app/ui/staff_page.py" line="31" />
      <location filename="../../station_app/ui/staff_page.py" line="128" />
      <source>工作人员</source>
      <translation>Staff</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="43" />
      <source>工作台</source>
      <translation>Workbench</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="134" />
      <source>工作表“{0}”</source>
      <translation>sheet "{0}" </translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="32" />
      <source>已交</source>
      <translation>In</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="103" />
      <location filename="../../station_app/ui/station_details.py" line="66" />
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="90" />
      <source>已保存。重新打开程序后使用新的界面语言。</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="75" />
      <source>已保存为 {0}</source>
      <translation>Saved as {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="341" />
      <location filename="../../station_app/ui/stats_page.py" line="251" />
      <source>已保存：{0}</source>
      <translation>Saved: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="121" />
      <source>已停用</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="200" />
      <source>已关账 {0}，下次导出的数据包会带上冻结的数据</source>
      <translation>{0} closed: the next package carries its frozen figures</translation>
    </message>
    <message>
      <location filename="../../station_app/services/exchange/months.py" />
      <source>已关账，待县局接收</source>
      <translation>closed, awaiting the county office</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="125" />
      <source>已写入答复包（{0} 条）：{1}</source>
      <translation>Answers package written ({0} answer(s)): {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="132" />
      <source>已加密备份并校验：{path}</source>
      <translation>Encrypted backup written and checked: {path}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="363" />
      <source>已加密给县局</source>
      <translation>encrypted for the county office</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="87" />
      <source>已发送到打印机 {0}</source>
      <translation>Sent to the printer {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="85" />
      <source>已发送到打印机 {0}（任务 {1}）</source>
      <translation>Sent to the printer {0} (job {1})</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="32" />
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="213" />
      <source>已取消委托调解</source>
      <translation>Entrusted mediation withdrawn</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="36" />
      <source>已受理</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="167" />
      <source>已另存标注副本：{0}（{1} 个单元格标红并加批注，首页“问题清单”列出全部问题）</source>
      <translation>Marked copy saved: {0} ({1} cells filled red and commented; the first sheet lists all problems)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="134" />
      <source>已备份并校验：{0}</source>
      <translation>Backup written and checked: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="262" />
      <source>已安装县局公钥（指纹 {0}），数据包将加密。</source>
      <translation>The county office's public key is installed (fingerprint {0}): packages will be encrypted.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="255" />
      <source>已安装市级公钥（指纹 {0}），汇总数据包将加密。</source>
      <translation>The city office's public key is installed (fingerprint {0}): roll-up packages will be encrypted.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="28" />
      <source>已导入</source>
      <translation>Imported</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="145" />
      <source>已导入 {0} 件投诉。</source>
      <translation>{0} complaints imported.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="240" />
      <source>已导入县局公告包：节假日安排 {0}；消费警示 {1} 条；重新计算期限的在办案件 {2} 件</source>
      <translation>County bulletin imported: holiday calendar {0}; {1} consumer warnings; deadlines recomputed for {2} open cases</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="218" />
      <source>已导入县局答复 {0} 条</source>
      <translation>{0} answer(s) from the county office imported</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="29" />
      <source>已导入过，没有变化</source>
      <translation>Imported before: nothing new</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="368" />
      <source>已导出并读回校验：{0}（{1}）</source>
      <translation>Exported and read back: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="186" />
      <source>已延长 {0} 天</source>
      <translation>Extended by {0} days</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="68" />
      <source>已恢复上次未保存的内容（草稿）</source>
      <translation>What was typed last time and not saved has been restored (draft)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="172" />
      <source>已恢复计时</source>
      <translation>The clock runs again</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="31" />
      <source>已拒收</source>
      <translation>Refused</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="31" />
      <source>已接收</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="168" />
      <source>已暂停调解计时</source>
      <translation>Mediation clock paused</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="206" />
      <source>已生成 {0} 份回执：{1}</source>
      <translation>{0} receipts written: {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="235" />
      <source>已登记 {0}</source>
      <translation>Registered {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="196" />
      <source>已登记告知终止调解</source>
      <translation>Termination notice recorded</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="213" />
      <source>已登记委托调解</source>
      <translation>Entrusted mediation recorded</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="35" />
      <source>已登记（待受理）</source>
      <translation>Registered (awaiting acceptance)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="38" />
      <source>已结案</source>
      <translation>Closed</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="112" />
      <source>已记录 {0}</source>
      <translation>Recorded {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="228" />
      <source>已记录回访</source>
      <translation>Follow-up visit recorded</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/month_chart.py" line="54" />
      <source>已调解结案</source>
      <translation>Settled</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="30" />
      <location filename="../../station_app/ui/row_text.py" line="12" />
      <location filename="../../station_app/ui/welcome.py" line="127" />
      <source>已超期</source>
      <translation>overdue</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/login_dialog.py" line="29" />
      <source>已锁定</source>
      <translation>Locked</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="114" />
      <source>已附加 {0} 个文件</source>
      <translation>{0} file(s) attached</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="43" />
      <source>年</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="176" />
      <source>延长天数：</source>
      <translation>Days to extend:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="176" />
      <location filename="../../station_app/ui/case_dialog.py" line="180" />
      <source>延长时限</source>
      <translation>Time limit extended</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="106" />
      <source>延长时限…</source>
      <translation>Extend the time limit…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="54" />
      <source>建议的解决途径</source>
      <translation>Suggested route</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="38" />
      <source>开始备份</source>
      <translation>Start the backup</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="35" />
      <source>开始调解</source>
      <translation>Start mediation</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="30" />
      <source>当面</source>
      <translation>In person</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="121" />
      <source>待保存的证据：{0}</source>
      <translation>Evidence to save: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="106" />
      <source>必须填写</source>
      <translation>Required</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="213" />
      <source>惩罚性赔偿计算（供调解参考）</source>
      <translation>Punitive compensation calculator (for mediation, as a reference)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="52" />
      <source>所在场所 *</source>
      <translation>Venue *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="53" />
      <location filename="../../station_app/ui/station_details.py" line="42" />
      <source>所属县（市、区）</source>
      <translation>County (city, district)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="131" />
      <location filename="../../station_app/ui/register_page.py" line="239" />
      <location filename="../../station_app/ui/register_page.py" line="246" />
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="104" />
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="58" />
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="203" />
      <location filename="../../station_app/ui/print_preview.py" line="206" />
      <source>批量打印</source>
      <translation>Batch printing</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="59" />
      <source>把接收、退回的答复（签名，带县级公钥）写到U盘，交回各站导入</source>
      <translation>Write the answers given (signed, with the county office's public key) to a USB stick for the stations to import</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="71" />
      <location filename="../../station_app/ui/exchange_texts.py" line="9" />
      <location filename="../../station_app/ui/main_window.py" line="44" />
      <source>投诉</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="99" />
      <source>投诉案件 {0}</source>
      <translation>Complaint {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="120" />
      <source>投诉登记簿：共 {0} 件，下面是最近的 {1} 件。</source>
      <translation>Complaint register: {0} cases; the latest {1} are below.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="101" />
      <source>按表头自动对应，请核对</source>
      <translation>Matched by the column headings: please check</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="48" />
      <source>挽回经济损失（元）</source>
      <translation>Money recovered (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="228" />
      <source>损失（元，仅食品、药品）</source>
      <translation>Loss (yuan, food and drugs only)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="49" />
      <source>接收所选月份</source>
      <translation>Accept the month selected</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="149" />
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="50" />
      <source>数据交换</source>
      <translation>USB exchange</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_packages.py" line="27" />
      <location filename="../../station_app/ui/exchange_page.py" line="319" />
      <source>数据包 (*.stpkg)</source>
      <translation>Packages (*.stpkg)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="324" />
      <source>数据包所在的文件夹</source>
      <translation>Folder holding the packages</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="111" />
      <source>数据文件：{0}</source>
      <translation>Data file: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="238" />
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>无操作多少分钟后自动锁定</source>
      <translation>Lock after this many idle minutes</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="249" />
      <source>无法写入文件：{0}</source>
      <translation>Cannot write the file: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="116" />
      <source>无法打开登记簿</source>
      <translation>Cannot open the register</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="83" />
      <location filename="../../station_app/ui/records_page.py" line="86" />
      <location filename="../../station_app/ui/records_page.py" line="92" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="149" />
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="32" />
      <location filename="../../station_app/ui/welcome.py" line="78" />
      <location filename="../../station_app/ui/workbench.py" line="34" />
      <source>时限</source>
      <translation>Time limit</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="159" />
      <location filename="../../station_app/ui/settings_page.py" line="208" />
      <location filename="../../station_app/ui/settings_page.py" line="224" />
      <source>显示技术细节</source>
      <translation>Show technical details</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="164" />
      <location filename="../../station_app/ui/row_text.py" line="12" />
      <location filename="../../station_app/ui/welcome.py" line="127" />
      <source>暂停计时</source>
      <translation>clock paused</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="87" />
      <source>最近 12 个月的投诉：</source>
      <translation>Complaints in the last 12 months:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="43" />
      <source>月</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="32" />
      <location filename="../../station_app/ui/county_views.py" line="35" />
      <source>未到期</source>
      <translation>on time</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="264" />
      <source>未安装县局公钥：导出的个人信息将做去标识化处理（姓名、电话、身份证号码）。</source>
      <translation>No county key installed: personal data in the export will be masked (names, phones, ID numbers).</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="257" />
      <source>未安装市级公钥：汇总数据包中的个人信息将做去标识化处理（姓名、电话、身份证号码）。</source>
      <translation>No city office public key installed: personal data in roll-up packages will be de-identified (names, phones, ID numbers).</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="34" />
      <source>未结案</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="145" />
      <source>未能完成</source>
      <translation>Not done</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="259" />
      <source>本县局签名密钥指纹：&lt;b&gt;{0}&lt;/b&gt;（市级首次导入时电话核对）&lt;br&gt;{1}</source>
      <translation>This county office's signing key fingerprint: &lt;b&gt;{0}&lt;/b&gt; (the city office checks it by phone at the first import)&lt;br&gt;{1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="110" />
      <source>本月全部投诉登记回执（批量生成）…</source>
      <translation>All of this month's complaint receipts (batch)…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="65" />
      <source>本月登记</source>
      <translation>Registered this month</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="45" />
      <source>本案于 {0} 终止调解，应在 {1} 前告知双方当事人。</source>
      <translation>Mediation was terminated on {0}; both parties must be told by {1}.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="46" />
      <source>本站信息</source>
      <translation>Station details</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>本站受理时限（工作日，须短于规定的 7 个工作日）</source>
      <translation>This station's acceptance limit (working days, shorter than the 7 set by the rules)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="266" />
      <source>本站签名密钥指纹：&lt;b&gt;{0}&lt;/b&gt;（县局首次导入时电话核对）&lt;br&gt;{1}</source>
      <translation>This station's signing key fingerprint: &lt;b&gt;{0}&lt;/b&gt; (the county office checks it by phone at the first import)&lt;br&gt;{1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="35" />
      <source>本站设置</source>
      <translation>Station settings</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>本站调解时限（工作日，须短于规定时限）</source>
      <translation>This station's mediation limit (working days, shorter than the rules' limit)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="78" />
      <source>来人来电咨询一次，记一笔（事项可不填）</source>
      <translation>One consultation in person or by phone, counted (the question is optional)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="173" />
      <source>查找没有完成：{0}</source>
      <translation>The search did not finish: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="73" />
      <source>查看超期案件</source>
      <translation>Show overdue cases</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="164" />
      <source>标注副本没有保存：{0}</source>
      <translation>The marked copy was not saved: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="97" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="76" />
      <source>标题 *</source>
      <translation>Title *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="144" />
      <source>校验审计记录链（发现被改动或删除的记录）</source>
      <translation>Verify the audit chain (finds altered or deleted entries)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_packages.py" line="34" />
      <source>核对县局指纹</source>
      <translation>Check the county office's key</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="388" />
      <source>核对站点密钥</source>
      <translation>Check the station key</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="343" />
      <source>案件已保存，但这些证据没有附加上：</source>
      <translation>The case was saved, but this evidence was not attached: </translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="143" />
      <source>检查通过，可以导入。</source>
      <translation>Checks passed: ready to import.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="38" />
      <source>检查（不导入）</source>
      <translation>Check (no import)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="105" />
      <source>检测结束：恢复计时</source>
      <translation>Testing done: resume the clock</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/search_index_status.py" line="63" />
      <source>检索索引建立中（还有 {0} 件），查找照常可用</source>
      <translation>Building the search index ({0} cases to go); searching works meanwhile</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="64" />
      <source>横幅（条）</source>
      <translation>Banners</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="101" />
      <source>欢迎使用消费维权服务站登记簿</source>
      <translation>Welcome to the Consumer Rights Station Register</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="353" />
      <source>正在导入第 {0}/{1} 个数据包：{2}</source>
      <translation>Importing package {0} of {1}: {2}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="316" />
      <source>正在导出并校验……</source>
      <translation>Exporting and checking…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/search_index_status.py" line="55" />
      <source>正在整理导入的案件（还有 {0} 项），各项功能照常可用</source>
      <translation>Finishing the imported cases ({0} steps left); everything works as usual</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="170" />
      <source>正在查找…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="330" />
      <source>正在校验并导入数据包……</source>
      <translation>Checking and importing packages…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="179" />
      <source>正在生成 {0} 的投诉登记回执……</source>
      <translation>Writing the complaint receipts of {0}…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="187" />
      <source>正在统计……</source>
      <translation>Counting…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="77" />
      <source>正文 *</source>
      <translation>Text *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="63" />
      <source>每一列对应登记簿的哪个字段（第一次导入时核对，以后同样表头的台账自动沿用）：</source>
      <translation>Which register field each column holds (checked at the first import; later ledgers with the same headings reuse it):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="101" />
      <source>沿用上次的对应</source>
      <translation>Same mapping as last time</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="236" />
      <source>法定赔偿（加倍赔偿）：</source>
      <translation>Statutory (punitive) compensation:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="347" />
      <source>注意：{0} 可能与 {1} 重复（同一消费者电话、同一经营者，30 天内）。已保存，请核对是否为同一纠纷。</source>
      <translation>Note: {0} may repeat {1} (same consumer phone, same business, within 30 days). It was saved; please check whether it is the same dispute.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="313" />
      <source>注意：已有 {numbers} 是同一消费者电话投诉同一经营者（30 天内）。请先核对是否为同一纠纷；确认不是再保存。</source>
      <translation>Note: {numbers} already has the same consumer phone against the same business (within 30 days). Check whether it is the same dispute before saving.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="60" />
      <source>活动主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="57" />
      <source>活动日期 *</source>
      <translation>Date *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="58" />
      <source>活动类型 *</source>
      <translation>Kind of event *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="58" />
      <source>消费维权服务站登记簿 {0}</source>
      <translation>Consumer Rights Station Register {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="28" />
      <location filename="../../station_app/ui/welcome.py" line="78" />
      <location filename="../../station_app/ui/workbench.py" line="34" />
      <source>消费者</source>
      <translation>Consumer</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="225" />
      <source>消费者意见（可不填）：</source>
      <translation>Consumer's comments (optional):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="220" />
      <source>消费者满意度：</source>
      <translation>Consumer satisfaction:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="52" />
      <source>消费者：{0}　{1}</source>
      <translation>Consumer: {0}  {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="15" />
      <location filename="../../station_app/ui/main_window.py" line="48" />
      <source>消费警示</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="42" />
      <source>添加工作人员</source>
      <translation>Add a staff member</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="91" />
      <source>添加工作人员…</source>
      <translation>Add a staff member…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="57" />
      <source>添加证据…</source>
      <translation>Add evidence…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="41" />
      <source>渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="181" />
      <source>演示登记簿</source>
      <translation>Demo register</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="27" />
      <location filename="../../station_app/ui/staff_page.py" line="86" />
      <location filename="../../station_app/ui/welcome.py" line="78" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="68" />
      <source>现场受理投诉（件）</source>
      <translation>Complaints taken on site</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="66" />
      <source>现场咨询（人次）</source>
      <translation>On-site consultations (persons)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/print_preview.py" line="203" />
      <source>生成回执时出错：{0}</source>
      <translation>Error while writing the receipts: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="181" />
      <source>生成演示登记簿失败：{0}</source>
      <translation>Could not make the demo register: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="56" />
      <source>用户名 *</source>
      <translation>User name *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="110" />
      <source>用户：{0}</source>
      <translation>User: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="71" />
      <location filename="../../station_app/ui/notice_dialog.py" line="30" />
      <location filename="../../station_app/ui/records_page.py" line="43" />
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>界面字号（9–20，默认 11；重新打开程序后生效）</source>
      <translation>Font size (9–20, default 11; applies after a restart)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="66" />
      <source>界面语言 / Language</source>
      <translation>Language / 界面语言</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/login_dialog.py" line="33" />
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/month_chart.py" line="54" />
      <location filename="../../station_app/ui/notice_dialog.py" line="67" />
      <source>登记</source>
      <translation>Registered</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="105" />
      <source>登记{0}</source>
      <translation>Register: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="109" />
      <source>登记已告知终止…</source>
      <translation>Record termination notice…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="41" />
      <source>登记已告知终止调解：{0}</source>
      <translation>Record termination notice: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="26" />
      <location filename="../../station_app/ui/welcome.py" line="78" />
      <source>登记日期</source>
      <translation>Received</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="70" />
      <source>登记簿已升级</source>
      <translation>Register upgraded</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="49" />
      <location filename="../../station_app/ui/start.py" line="43" />
      <source>登记簿已损坏</source>
      <translation>The register is damaged</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="50" />
      <source>登记簿文件无法使用：{0}

是否用最近的完好备份恢复？
{1}
（损坏的文件会另存，不会删除）</source>
      <translation>The register file cannot be used: {0}

Restore the newest intact backup?
{1}
(The damaged file is kept aside, not deleted.)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="44" />
      <source>登记簿文件无法使用：{0}
没有找到完好的备份。请联系县级技术人员。</source>
      <translation>The register file cannot be used: {0}
No intact backup was found. Please call the county technician.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/notice_dialog.py" line="30" />
      <source>短信</source>
      <translation>Text message</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="62" />
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="119" />
      <source>确定{0}</source>
      <translation>Confirm: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="59" />
      <source>移除…</source>
      <translation>Remove…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="130" />
      <source>移除证据</source>
      <translation>Remove evidence</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="72" />
      <source>立即备份到（如U盘）…</source>
      <translation>Back up now to (e.g. a USB stick)…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="66" />
      <source>站点</source>
      <translation>Station</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="389" />
      <source>站点 {0} 首次导入。请电话核对后输入对方念出的指纹：</source>
      <translation>First import from station {0}. Check by phone and type the fingerprint they read out:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="39" />
      <source>站点名称</source>
      <translation>Station name</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="50" />
      <source>站点名称 *</source>
      <translation>Station name *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="40" />
      <source>站点类型</source>
      <translation>Station type</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="51" />
      <source>站点类型 *</source>
      <translation>Station kind *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="48" />
      <source>站点编码 *</source>
      <translation>Station code *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="38" />
      <source>站点编码（编号前缀，不能修改）</source>
      <translation>Station code (prefix of every number, cannot change)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="141" />
      <source>站点：{0}    数据文件：{1}</source>
      <translation>Station: {0}    Data file: {1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="109" />
      <source>站点：{0}（{1}）</source>
      <translation>Station: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="75" />
      <source>站点：导出本站数据包（全部记录，含本月；每月交县局）</source>
      <translation>Station: export this station's package (every record up to today; to the county each month)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="30" />
      <source>站长</source>
      <translation>Station head</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="166" />
      <source>第{0}季度</source>
      <translation>Q{0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="44" />
      <source>答复内容</source>
      <translation>Answer given</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="116" />
      <source>答复包保存到哪个文件夹（如U盘）？</source>
      <translation>Save the answers package in which folder (e.g. a USB stick)?</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="75" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="88" />
      <source>线索</source>
      <translation>Lead</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="53" />
      <source>终止理由</source>
      <translation>Reason for ending</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="37" />
      <source>终止调解</source>
      <translation>End mediation</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="53" />
      <source>经营者：{0}</source>
      <translation>Business: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/row_text.py" line="30" />
      <source>结案 {0}</source>
      <translation>closed {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>结案后保存个人信息的年限（到期匿名化）</source>
      <translation>Years personal data is kept after closing (then anonymised)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="47" />
      <source>结案方式</source>
      <translation>How it was settled</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="49" />
      <location filename="../../station_app/ui/stats_page.py" line="114" />
      <source>统计</source>
      <translation>Figures</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="239" />
      <source>统计-{0}.{1}</source>
      <translation>figures-{0}.{1}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="201" />
      <source>统计失败：{0}</source>
      <translation>Counting failed: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="121" />
      <source>统计期间：</source>
      <translation>Period:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="25" />
      <location filename="../../station_app/ui/records_page.py" line="83" />
      <location filename="../../station_app/ui/records_page.py" line="85" />
      <source>编号</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="34" />
      <source>缺</source>
      <translation>Missing</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="54" />
      <source>罚没款（元）</source>
      <translation>Fines and confiscations (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/station_details.py" line="43" />
      <source>联系方式</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="54" />
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>自动备份保留份数</source>
      <translation>Automatic backups kept</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/start.py" line="161" />
      <source>自动备份失败：{0}
</source>
      <translation>The automatic backup failed: {0}
</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="37" />
      <source>自检</source>
      <translation>Self-check</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="57" />
      <source>至少 6 位</source>
      <translation>At least 6 characters</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="100" />
      <source>至少 {0} 位</source>
      <translation>At least {0} characters</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/backup_dialog.py" line="29" />
      <source>至少 {n} 位</source>
      <translation>At least {n} characters</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="87" />
      <source>被举报经营者</source>
      <translation>Business reported</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="48" />
      <source>被举报经营者 *</source>
      <translation>Business reported *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="29" />
      <location filename="../../station_app/ui/county_views.py" line="71" />
      <location filename="../../station_app/ui/welcome.py" line="78" />
      <source>被投诉经营者</source>
      <translation>Business complained about</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="57" />
      <location filename="../../station_app/ui/staff_page.py" line="86" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="33" />
      <source>计时暂停中</source>
      <translation>clock paused</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="230" />
      <source>计算</source>
      <translation>Calculate</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="115" />
      <source>计算惩罚性赔偿（供参考）…</source>
      <translation>Calculate punitive compensation (reference)…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="149" />
      <source>记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="371" />
      <source>记录数：{0}</source>
      <translation>Records: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="51" />
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="33" />
      <source>设置本站</source>
      <translation>Set up the station</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="70" />
      <source>设置本站，开始正式使用…</source>
      <translation>Set up this station and start for real…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="102" />
      <source>证据类型</source>
      <translation>Kind of evidence</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="67" />
      <source>证据（发票、收据、三包凭证、聊天截图、照片）：</source>
      <translation>Evidence (invoices, receipts, warranty cards, chat screenshots, photos):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_texts.py" line="30" />
      <source>试运行（未写入）</source>
      <translation>Dry run (nothing written)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="128" />
      <source>请先在列表中选中一位工作人员</source>
      <translation>Select a staff member in the list first</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="239" />
      <source>请先在登记簿中选中一件投诉</source>
      <translation>Select a complaint in the register first</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="263" />
      <source>请先在登记簿中选中一件投诉。</source>
      <translation>Select a complaint in the register first.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="302" />
      <source>请先插入U盘或选择一个文件夹</source>
      <translation>Insert a USB stick or choose a folder first</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/login_dialog.py" line="44" />
      <source>请输入密码</source>
      <translation>Please enter the password</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="141" />
      <source>请选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="86" />
      <source>请选择性质…</source>
      <translation>Choose the nature…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="75" />
      <source>请选择类别…</source>
      <translation>Choose the category…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="129" />
      <source>读取的工作表：{0}</source>
      <translation>Sheets read: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="37" />
      <source>调解中</source>
      <translation>In mediation</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="45" />
      <source>调解员</source>
      <translation>Mediator</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="36" />
      <source>调解结案</source>
      <translation>Settle</translation>
    </message>
    <message>
      <location filename="../../station_app/services/station.py" />
      <source>调解通知书中申请回避的期限（日；留空则打印空格手填）</source>
      <translation>Days to apply for a mediator's recusal, printed in the mediation notice (empty: a blank to fill in)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="94" />
      <source>资料（份）</source>
      <translation>Leaflets</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="62" />
      <source>超过期限的未结案投诉，以及终止调解后七个工作日内未告知双方的案件</source>
      <translation>Open complaints past their deadline, and terminations not told to both parties within 7 working days</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="53" />
      <source>转为案件线索</source>
      <translation>Turned into a case lead</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="38" />
      <source>转办</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="56" />
      <source>转办单位</source>
      <translation>Transferred to</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/welcome.py" line="103" />
      <source>还没有本站的登记簿。可以先加载一个演示登记簿四处看看；正式使用时，按“设置本站”填写站点信息和站长的用户名、密码。</source>
      <translation>There is no register for this station yet. Load a demo register to look around; to start for real, press "Set up the station" and enter the station details and the head's user name and password.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="115" />
      <source>还没有设置用户：任何人打开程序都可以使用。添加第一位用户（站长）后需登录。</source>
      <translation>No users yet: anyone opening the program can use it. Once the first user (the station head) is added, everyone logs in.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/evidence_panel.py" line="102" />
      <source>这是什么证据？</source>
      <translation>What is this evidence?</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/setup_dialog.py" line="45" />
      <source>这是县局的登记簿（汇总各站的U盘数据包、统计全县）</source>
      <translation>This is the county office's register (it merges the stations' USB packages and counts the county)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="50" />
      <source>违法线索及事实 *</source>
      <translation>What was seen (facts) *</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="33" />
      <source>迟交</source>
      <translation>Late</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="101" />
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="101" />
      <source>退回原因（站点据此更正）：</source>
      <translation>Why it is returned (the station corrects accordingly):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/county_views.py" line="51" />
      <source>退回所选月份…</source>
      <translation>Return the month selected…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="229" />
      <source>退款、修理或更换金额（元）</source>
      <translation>Refund, repair or replacement (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="235" />
      <source>退款或修理金额：</source>
      <translation>Refund or repair:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="104" />
      <source>送检测/鉴定：暂停计时…</source>
      <translation>Testing/appraisal: pause the clock…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workflow_dialog.py" line="226" />
      <source>适用规定</source>
      <translation>Rules applied</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="83" />
      <source>选择其他文件夹…</source>
      <translation>Choose another folder…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="230" />
      <source>选择县局公告包</source>
      <translation>Choose the county's bulletin</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="210" />
      <source>选择县局答复包</source>
      <translation>Choose the county office's answers package</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="75" />
      <source>选择台账</source>
      <translation>Choose a ledger</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="35" />
      <source>选择台账文件（.xlsx / .csv）…</source>
      <translation>Choose a ledger file (.xlsx / .csv)…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="319" />
      <source>选择数据包</source>
      <translation>Choose packages</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="142" />
      <source>选择数据包文件…</source>
      <translation>Choose package files…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/stats_page.py" line="126" />
      <source>选择期间后按“统计”。</source>
      <translation>Choose a period, then press "Count".</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="110" />
      <location filename="../../station_app/ui/evidence_panel.py" line="94" />
      <source>选择证据文件</source>
      <translation>Choose evidence files</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="93" />
      <source>重设密码…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="42" />
      <source>重设密码：{0}</source>
      <translation>Reset password: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_model.py" line="31" />
      <source>金额（元）</source>
      <translation>Amount (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="70" />
      <source>销毁商品（千克）</source>
      <translation>Goods destroyed (kg)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="71" />
      <source>销毁货值（元）</source>
      <translation>Value destroyed (yuan)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/staff_page.py" line="121" />
      <source>锁定中</source>
      <translation>Locked</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/login_dialog.py" line="30" />
      <source>长时间未操作，已锁定。请 {0} 输入密码继续。</source>
      <translation>Locked after a long idle time. {0}, enter your password to continue.</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/complaint_form.py" line="99" />
      <source>附加证据…</source>
      <translation>Attach evidence…</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/settings_page.py" line="224" />
      <source>隐藏技术细节</source>
      <translation>Hide technical details</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="90" />
      <source>需要尽快办理的投诉（已超期或即将到期）：</source>
      <translation>Complaints needing action soon (overdue or due soon):</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="231" />
      <source>首次导入县局公告包：请电话核对后输入县局念出的指纹：</source>
      <translation>First bulletin from the county: check by phone, then type the fingerprint the county reads out:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="211" />
      <source>首次导入县局答复：请电话核对后输入县局念出的指纹：</source>
      <translation>First answers from the county office: check by phone and type the fingerprint they read out:</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/ledger_page.py" line="91" />
      <source>（不导入这一列）</source>
      <translation>(do not import this column)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="236" />
      <source>（可能与 {0} 重复，请核对）</source>
      <translation> (may repeat {0}: please check)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/register_page.py" line="176" />
      <source>（已显示 {0} 件，向下滚动显示更多）</source>
      <translation> ({0} shown; scroll down for more)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/row_text.py" line="22" />
      <source>（暂估）</source>
      <translation> (estimated)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/exchange_page.py" line="278" />
      <source>（未插入U盘：插好后刷新，或选其他文件夹）</source>
      <translation>(no USB stick: insert one, refresh)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/main_window.py" line="108" />
      <source>（未设置用户，任何人可用）</source>
      <translation>(no users set up: anyone can use it)</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/case_dialog.py" line="63" />
      <source>（自 {0} 起暂停）</source>
      <translation> (paused since {0})</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/records_page.py" line="196" />
      <source>＋ 登记{0}</source>
      <translation>+ Register: {0}</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="70" />
      <source>＋ 登记投诉</source>
      <translation>+ Register a complaint</translation>
    </message>
    <message>
      <location filename="../../station_app/ui/workbench.py" line="76" />
      <location filename="../../station_app/ui/workbench.py" line="107" />
      <source>＋1 咨询</source>
      <translation>+1 consultation</translation>
    </message>
  </context>
  <context>
    <name>ComplaintForm</name>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <location filename="../../forms/complaint_form.ui" />
      <source>18 位（可不填）</source>
      <translation>18 characters (optional)</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <location filename="../../forms/complaint_form.ui" />
      <source>yyyy-MM-dd</source>
      <translation>yyyy-MM-dd</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>争议事实 *</source>
      <translation>Facts in dispute *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>事实与请求</source>
      <translation>Facts and request</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>何时、在哪里买了什么，出了什么问题，与商家协商的经过</source>
      <translation>What was bought, when and where, what went wrong, and how talks with the business went</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>例如 1550.00</source>
      <translation>e.g. 1550.00</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>例如：海尔冰箱 BCD-216</source>
      <translation>e.g. Haier fridge BCD-216</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>例如：要求退货退款</source>
      <translation>e.g. return the goods and refund</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>保存登记（Ctrl+S）</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>名称 *</source>
      <translation>Name *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>商品或服务 *</source>
      <translation>Goods or service *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <location filename="../../forms/complaint_form.ui" />
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>姓名 *</source>
      <translation>Name *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>已知</source>
      <translation>Known</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>手机 11 位，或带区号的座机</source>
      <translation>11-digit mobile, or a landline with its area code</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>投诉内容</source>
      <translation>The complaint</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>投诉性质 *</source>
      <translation>Nature *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>投诉渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>投诉登记</source>
      <translation>Register a complaint</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>投诉请求</source>
      <translation>Request</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>消费者</source>
      <translation>Consumer</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>消费者姓名</source>
      <translation>Consumer's name</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>涉案金额（元）</source>
      <translation>Amount involved (yuan)</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>清空</source>
      <translation>Clear</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>电话 *</source>
      <translation>Phone *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>登记日期 *</source>
      <translation>Received on *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>类别 *</source>
      <translation>Category *</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>统一社会信用代码</source>
      <translation>Unified social credit code</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>被投诉经营者</source>
      <translation>Business complained about</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>购买日期</source>
      <translation>Bought on</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>身份证号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>输入时会提示已登记过的经营者</source>
      <translation>Businesses already registered are offered as you type</translation>
    </message>
    <message>
      <location filename="../../forms/complaint_form.ui" />
      <source>返回登记簿</source>
      <translation>Back to the register</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../forms/login_dialog.ui" />
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../forms/login_dialog.ui" />
      <source>用户</source>
      <translation>User</translation>
    </message>
    <message>
      <location filename="../../forms/login_dialog.ui" />
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <location filename="../../forms/login_dialog.ui" />
      <source>请选择您的名字并输入密码</source>
      <translation>Choose your name and enter your password</translation>
    </message>
  </context>
  <context>
    <name>RegisterPage</name>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>不予受理</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>只看超期</source>
      <translation>Overdue only</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>开始调解</source>
      <translation>Start mediation</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>性质</source>
      <translation>Nature</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>投诉登记簿</source>
      <translation>Complaint register</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>查找：姓名、电话、经营者、编号、拼音首字母</source>
      <translation>Find: name, phone, business, number, pinyin initials</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>终止调解</source>
      <translation>End mediation</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>调解结案</source>
      <translation>Settle</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>转办</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <location filename="../../forms/register_page.ui" />
      <source>＋ 登记投诉</source>
      <translation>+ Register a complaint</translation>
    </message>
  </context>
</TS>
