"""Department names: one canonical simplified name whatever the script, abbreviation or
prefix; unit lists split into names as written."""
from __future__ import annotations

import pytest

from ingest.extract import mentioned_departments, normalize_department, split_units


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("省質監局", "省质量技术监督局"),
        ("省质监局", "省质量技术监督局"),
        ("省质量技术监督局", "省质量技术监督局"),
        ("省發展改革委", "省发展和改革委员会"),
        ("省发改委", "省发展和改革委员会"),
        ("省工商局", "省工商行政管理局"),
        ("省工商行政管理局", "省工商行政管理局"),
        ("甘肅出入境檢驗檢疫局", "甘肃出入境检验检疫局"),
        ("甘肃检验检疫局", "甘肃出入境检验检疫局"),
        ("甘肃省出入境检验检疫局", "甘肃出入境检验检疫局"),
        ("质检总局", "国家质量监督检验检疫总局"),
        ("國家質檢總局", "国家质量监督检验检疫总局"),
        ("认监委", "国家认证认可监督管理委员会"),
        ("甘肃省质监局", "甘肃省质量技术监督局"),
        ("甘肃质监局", "甘肃省质量技术监督局"),
        ("广西质监局", "广西壮族自治区质量技术监督局"),
        ("自治区质监局", "自治区质量技术监督局"),
        ("市质监局", "市质量技术监督局"),
        ("省質量發展領導小組各成員單位", "省质量发展领导小组成员单位"),
        ("　省工信委等 ", "省工业和信息化委员会"),
        ("由省财政厅", "省财政厅"),
        ("省政府", "省人民政府"),
        ("甘肃省人民政府", "甘肃省人民政府"),
    ],
)
def test_canonical_names(written, canonical):
    assert normalize_department(written) == canonical


def test_unknown_names_are_cleaned_but_kept():
    assert normalize_department("縣級以上人民政府市場監督管理部門") == "县级以上人民政府市场监督管理部门"


def test_different_bodies_stay_different():
    assert normalize_department("省工信委") != normalize_department("省经信委")
    assert normalize_department("省质监局") != normalize_department("省市场监管局")


def test_split_units_keeps_the_original_script_and_drops_the_role():
    assert split_units("省發展改革委、省工信委、省衛生計生委、甘肅出入境檢驗檢疫局按職責分工負責") == [
        "省發展改革委", "省工信委", "省衛生計生委", "甘肅出入境檢驗檢疫局",
    ]
    assert split_units("各地人民政府,省質量發展領導小組各成員單位按職責分工負責") == [
        "各地人民政府", "省質量發展領導小組各成員單位",
    ]


def test_split_units_splits_at_and_only_between_whole_names():
    assert split_units("质监部门和工商部门") == ["质监部门", "工商部门"]
    assert split_units("省发展和改革委员会、省人力资源和社会保障厅") == ["省发展和改革委员会", "省人力资源和社会保障厅"]


def test_departments_mentioned_in_a_question():
    assert mentioned_departments("发改委和甘肅省質監局牽頭哪些任务？质检总局呢") == (
        "省发展和改革委员会", "省质量技术监督局", "国家质量监督检验检疫总局",
    )
    assert mentioned_departments("产品质量合格率是多少") == ()
