"""Summaries converted once and remembered between builds."""

from __future__ import annotations

from builder.summaries import convert_summaries


def test_a_remembered_empty_summary_is_reused() -> None:
    # An empty summary converts to empty (false) HTML: it must still count as remembered.
    first = convert_summaries(["", "Some *text*."], {}, workers=1)
    again = convert_summaries(["", "Some *text*.", "New."], first, workers=1)
    assert again[""] == "" and again["Some *text*."] == first["Some *text*."]
    assert "New." in again["New."]
