"""Date and number formats Masthead adds or changes, per language (``FORMAT_MODULE_PATH``).

Django's own formats cover most languages; these fill the gaps: English pages keep the
newsroom's "25 November 2026", and Asturian, Occitan, Aragonese and Sardinian (offered through
Apertium) get their own order and separators instead of falling back to English.
"""
