"""The kinds of record and the folders they live in."""

from __future__ import annotations

from mentorlog.models import Goal

from .journal import Kind

GOALS: Kind[Goal] = Kind("goal", "goals", Goal, lambda goal: goal.title)

ALL_KINDS = (GOALS,)
