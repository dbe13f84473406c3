"""Dates written out for readers: '22 November 2026'.

`strftime("%-d %B %Y")` drops the day's leading zero only with the GNU C library: on Windows `%-d`
raises ValueError, so an editor there could not build the site. The day is written from the number
instead, and the month's name from a fixed English list (the site is in English whatever the
machine's locale).
"""

from __future__ import annotations

from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(value: date) -> str:
    """'2026-11-02' -> '2 November 2026', on every operating system and in every locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def month_number(name: str) -> int:
    """'May' -> 5; a ValueError naming the allowed names for anything else."""
    try:
        return MONTHS.index(name) + 1
    except ValueError:
        raise ValueError(f"unknown month {name!r} (expected one of: {', '.join(MONTHS)})") from None
