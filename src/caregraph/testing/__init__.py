"""Support for checking caregraph, shared by its tests, its benchmarks and its scripts; not part of the API.

- :mod:`caregraph.testing.invariants`: the properties every input must keep through load, segment and extract
  (stated once; ``tests/test_fuzz.py`` runs them under Hypothesis, ``bench/fuzz_campaign.py`` over many more cases);
- :mod:`caregraph.testing.pdf`: small valid PDFs written from scratch;
- :mod:`caregraph.testing.browser`: headless Chromium through the DevTools protocol, standard library only (the
  browser tests, ``bench/viz_bench.py``).

Nothing else in caregraph imports this package.
"""
