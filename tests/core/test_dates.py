"""recsite.dates: dates written out the same way on every operating system and in every locale
(`%-d` in strftime works only with the GNU C library; Windows raises ValueError)."""

from __future__ import annotations

from datetime import date

import pytest

from support.project import ROOT
from recsite.dates import MONTHS, long_date, month_number


def test_the_day_has_no_leading_zero_and_the_month_is_in_english():
    assert long_date(date(2026, 11, 2)) == "2 November 2026"
    assert long_date(date(2027, 1, 31)) == "31 January 2027"
    assert [long_date(date(2026, month, 1)).split()[1] for month in range(1, 13)] == list(MONTHS)


def test_month_names_are_read_back():
    assert month_number("May") == 5
    with pytest.raises(ValueError, match="unknown month 'may'"):
        month_number("may")


def test_no_code_or_template_uses_a_platform_specific_date_format():
    for path in [*(ROOT / "hooks").rglob("*.py"), *(ROOT / "hooks").rglob("*.j2"), *(ROOT / "scripts").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for flag in ("%-d", "%-m", "%#d"):
            assert flag not in text or path.name == "dates.py", f"{path.relative_to(ROOT)} uses {flag}"
