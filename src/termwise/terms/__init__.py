"""Terminology discovery: extract a corpus's terms, group their variants, grow the glossary.

``extract.extract_terms`` is the entry point; ``candidates`` finds candidate n-grams,
``scoring`` computes their termhood features, ``model`` is the learned combiner and its
cut-off, ``variants`` groups the forms of one concept, ``formats`` writes the results.
"""

# The first columns of a candidate list in CSV (``formats.to_csv``); `glossary import` knows
# such a file by them and refuses it: read as a glossary, its variants became translations.
CANDIDATE_CSV_COLUMNS = ("term", "variants", "frequency", "score", "concept", "status", "kind")
# The columns after them: the extraction's cut-off, the candidate's side of it ("above",
# "below") and why it is listed (``formats.KEPT_BECAUSE``). After, so that a list written
# before them is still known by its first columns.
CANDIDATE_CSV_CUT_OFF_COLUMNS = ("cut_off", "cut_off_side", "kept_because")
