"""Examples: the sample office, the demos and the request samples, in one package.

Data for the demo (``python -m jiguan_core demo``), the docs and the tests, and a way for an
application to try the library. ``import jiguan_core`` loads none of it: each module is imported
when first used (``jiguan_core.sample_office`` does so for the sample office).

- :mod:`~jiguan_core.examples.office` — the sample office (示例市政协机关) and its year 2025;
- :mod:`~jiguan_core.examples.generated` — generated offices of any size, by seed;
- :mod:`~jiguan_core.examples.rules` — the scheduling-rules demo (blackout, "what if");
- :mod:`~jiguan_core.examples.scheduling` — the sample requests of 2025Q2 and the planner demo;
- :mod:`~jiguan_core.examples.assessment` — sample assessment records 2021-2025 and their demo;
- :mod:`~jiguan_core.examples.development` — the staff-development demo;
- :mod:`~jiguan_core.examples.work` — sample learning records, documents, meetings and their demo;
- :mod:`~jiguan_core.examples.workspace` — the sample workspace file of the command line;
- :mod:`~jiguan_core.examples.demo` — the whole demo, one section per area.
"""
