#!/usr/bin/env python3
"""Regenerates src/language/words/<lang>.txt: the most frequent words of each language with their
Zipf frequency (times 100), used by the language detector.

Source: the `wordfreq` package (PyPI), data CC BY-SA 4.0 by Robyn Speer and contributors, compiled
from Wikipedia, subtitles, news, books, web text, Twitter and Reddit. See src/language/words/README.md.

usage: python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1 && /tmp/wf/bin/python tools/langid-words.py
"""
import os
import wordfreq

LANGS = ["nl", "en", "ar", "tr", "pl", "uk", "ru", "fa", "es", "fr", "de", "pt", "ro", "it"]
N = 30000
out_dir = os.path.join(os.path.dirname(__file__), "..", "src", "language", "words")
for lang in LANGS:
    words = wordfreq.top_n_list(lang, N * 2, wordlist="small")
    lines = []
    for w in words:
        if not w.isalpha():
            continue
        z = wordfreq.zipf_frequency(w, lang, wordlist="small")
        lines.append(f"{w} {int(round(z * 100))}")
        if len(lines) >= N:
            break
    with open(os.path.join(out_dir, f"{lang}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(lang, len(lines))
