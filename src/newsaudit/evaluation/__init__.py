"""Scoring newsaudit's stages on public benchmarks: page text extraction and check-worthiness.

metrics.py           the benchmarks' own measures (shingle P/R/F1, snippet counts, MAP ...)
extraction.py        benchmark readers and the extraction run (ours beside plain trafilatura)
checkworthy_eval.py  CheckThat!/ClaimBuster readers and the ranking run
"""
