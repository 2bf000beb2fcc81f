"""One person's numbers in any written form (domain/identity.py)."""

from __future__ import annotations

import pytest

from station_app.domain.errors import InvalidValue
from station_app.domain.identity import ID_GONE, NAME_GONE, PHONE_GONE, Person, id_core, phone_key, request_keys

CORE = "11010519491231002"


@pytest.mark.parametrize(
    "written", [CORE + "X", CORE + "x", "１１０１０５１９４９１２３１００２Ｘ", "110105491231002", "110105 491231 002"]
)
def test_an_id_number_in_any_form_has_one_core(written):
    assert id_core(written) == CORE


@pytest.mark.parametrize(
    "written", ["13800138000", "138 0013 8000", "138-0013-8000", "１３８００１３８０００", "+86 13800138000"]
)
def test_a_phone_in_any_form_has_one_key(written):
    assert phone_key(written) == "13800138000"


def test_a_request_that_cannot_be_a_number_is_refused():
    with pytest.raises(InvalidValue):
        request_keys("", "12345")
    with pytest.raises(InvalidValue):
        request_keys("123", "")


def test_the_scrubber_replaces_every_form_and_nothing_around_it():
    person = Person(phones={"13800138000"}, cores={CORE}, names={"张三丰"})
    scrub = person.scrubber().scrub
    text = "张三丰（电话 138 0013 8000，身份证 110105491231002）；订单号 913800138000123 不是电话"
    assert scrub(text, names=True) == (
        f"{NAME_GONE}（电话 {PHONE_GONE}，身份证 {ID_GONE}）；订单号 913800138000123 不是电话"
    )
    assert scrub(f"身份证：{CORE}X", names=False) == f"身份证：{ID_GONE}"
    assert scrub("张三丰说", names=False) == "张三丰说"  # a name is only taken out where the text is about them
