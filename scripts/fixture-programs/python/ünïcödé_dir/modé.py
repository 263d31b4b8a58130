# -*- coding: utf-8 -*-
"""A module in a directory with a non-ASCII name (imported on Python 2 and 3)."""
TITLE = "modé"


def shout(text):
    return text.upper() + "!"
