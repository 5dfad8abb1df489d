"""``caregraph fetch``: harvest a council's ModernGov site (or single pages) into a folder ``caregraph build`` reads.

>>> from caregraph.fetch import fetch                                       # doctest: +SKIP
>>> summary = fetch(["https://democracy.anyshire.gov.uk"], "papers", keywords=["Ofsted"])   # doctest: +SKIP

Modules: :mod:`~caregraph.fetch.harvest` (what is fetched, and where it goes), :mod:`~caregraph.fetch.moderngov`
(the web service's XML), :mod:`~caregraph.fetch.client` (polite, cached HTTP), :mod:`~caregraph.fetch.manifest`
(``DIR/manifest.csv``). See docs/fetch.md.
"""

from __future__ import annotations

from caregraph.fetch.client import DEFAULT_MAX_BYTES, PROJECT_URL, USER_AGENT, FetchProblem
from caregraph.fetch.harvest import SETTLE_DAYS, FetchSummary, Problem, fetch
from caregraph.fetch.moderngov import DEFAULT_KEYWORDS

__all__ = [
    "DEFAULT_KEYWORDS",
    "DEFAULT_MAX_BYTES",
    "PROJECT_URL",
    "SETTLE_DAYS",
    "USER_AGENT",
    "FetchProblem",
    "FetchSummary",
    "Problem",
    "fetch",
]
