"""What no source says: questions a job seeker or an HR reader would ask of call-center careers,
each checked against every sentence of the texts that touches it.

Each :class:`Topic` names the words that make a sentence touch it and the words an answer would
have to use (a number of years, a rate, a cause, a place). Every sentence of every text that uses a
topic word is found, whether a record quotes it or not (:func:`touching`), and it answers the
question only if it also uses an answer word (:func:`verdicts`). The topics and their words are the
report's, stated on the page; no function names a source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.chapters import prose
from analysis.core import evidence, markup
from analysis.core.sources import Source, normalise_space

_PROMOTION = r"promot\w*|advanc(?:e|es|ing|ement)\b|higher[- ]level|higher roles?|next level|progress to|work (?:their|your|his|her) way up|raises?\b"


@dataclass(frozen=True)
class Topic:
    """A question, the words that make a sentence touch it, and the words an answer would use."""

    name: str
    question: str
    touches: re.Pattern[str]
    answers: re.Pattern[str]
    answer_words: str


TOPICS: tuple[Topic, ...] = (
    Topic(
        "Time to promotion",
        "How long does it take to be promoted?",
        re.compile(rf"\b(?:{_PROMOTION})", re.IGNORECASE),
        re.compile(
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(?:years?|months?|weeks?)\b",
            re.IGNORECASE,
        ),
        "a number of years, months or weeks",
    ),
    Topic(
        "Promotion rates",
        "How many are promoted?",
        re.compile(rf"\b(?:{_PROMOTION})", re.IGNORECASE),
        re.compile(r"%|\bper\s?cent\b|\bout of\b|\bone in\b|\bhalf\b|\bmajority\b", re.IGNORECASE),
        "a percentage or a share",
    ),
    Topic(
        "Shift premiums",
        "Do night, weekend or holiday shifts pay more?",
        re.compile(r"\b(?:shifts?|nights?|weekends?|holidays?|overtime|premiums?|differentials?)\b", re.IGNORECASE),
        re.compile(r"\b(?:premiums?|differentials?|extra pay|more pay|higher pay)\b", re.IGNORECASE),
        "a premium, a differential or more pay for those hours",
    ),
    Topic(
        "Training length",
        "How long is the training?",
        re.compile(r"\btrain(?:ing|ed)?\b", re.IGNORECASE),
        re.compile(r"\b(?:\d+|a few|several|one|two|three|four)\s+(?:days?|weeks?|months?|hours?)\b", re.IGNORECASE),
        "a number of days, weeks or months",
    ),
    Topic(
        "Causes of turnover",
        "Why do agents leave?",
        re.compile(
            r"\b(?:turnover|attrition|quit\w*|retention|leav(?:e|es|ing) (?:the|their) (?:job|company))\b",
            re.IGNORECASE,
        ),
        re.compile(r"\b(?:because|due to|caus\w*|leads? to|results? in|reasons?|why)\b", re.IGNORECASE),
        "a cause (because, due to, leads to, a reason)",
    ),
    Topic(
        "Location",
        "How do pay and conditions differ from one place to another?",
        re.compile(
            r"\b(?:locations?|situated|cit(?:y|ies)|states?|regions?|countr(?:y|ies)|US|U\.S\.|United States|Canada)\b"
        ),
        re.compile(r"\b(?:more|less|higher|lower)\b[^.]*\b(?:in|than)\b", re.IGNORECASE),
        "a comparison of places (more, less, higher or lower in one than in another)",
    ),
)


def sentences(text: str) -> list[str]:
    """A text's sentences: split after a full stop, question or exclamation mark, and at line breaks."""
    out = []
    for line in text.splitlines():
        out += [normalise_space(s) for s in re.split(r"(?<=[.?!])\s+", line) if s.strip()]
    return out


def record_quotes() -> pd.DataFrame:
    """The source, id and quote of every record of the evidence, of every kind."""
    frames = [evidence.load_table(name)[["source_id", "record_id", "quote"]] for name in evidence.TABLES.values()]
    return pd.concat(frames, ignore_index=True)


def touching(corpus: Mapping[str, Source], quotes: pd.DataFrame) -> pd.DataFrame:
    """Every sentence of every text that touches a topic, one row per topic and sentence, in topic and
    then text order: whether it answers the question and the first record that quotes it (empty when
    none does). ``quotes`` has ``source_id``, ``record_id`` and ``quote`` for every record."""
    # Each text split, and each record's quote normalised, once for every topic.
    split = {source_id: sentences(source.text) for source_id, source in corpus.items()}
    quoted = {
        source_id: [
            (str(r), normalise_space(str(q)))
            for r, q in quotes.loc[quotes["source_id"] == source_id, ["record_id", "quote"]].itertuples(index=False)
        ]
        for source_id in corpus
    }
    rows = []
    for topic in TOPICS:
        for source_id in corpus:
            for sentence in split[source_id]:
                if not topic.touches.search(sentence):
                    continue
                quoting = [r for r, q in quoted[source_id] if q in sentence or sentence in q]
                rows.append(
                    {
                        "topic": topic.name,
                        "source_id": source_id,
                        "record_id": quoting[0] if quoting else "",
                        "answers": bool(topic.answers.search(sentence)),
                        "sentence": sentence,
                    }
                )
    return pd.DataFrame(rows, columns=["topic", "source_id", "record_id", "answers", "sentence"])


def verdicts(found: pd.DataFrame, n_sentences: int) -> pd.DataFrame:
    """One row per topic: how many sentences touch it, from how many texts, and how many answer it."""
    out = []
    for topic in TOPICS:
        mine = found[found["topic"] == topic.name]
        out.append(
            {
                "topic": topic.name,
                "question": topic.question,
                "answer_words": topic.answer_words,
                "touching": len(mine),
                "touching_sources": int(mine["source_id"].nunique()),
                "answering": int(mine["answers"].sum()),
                "answering_sources": int(mine.loc[mine["answers"], "source_id"].nunique()),
                "unrecorded": int((mine["record_id"] == "").sum()),
                "searched": n_sentences,
            }
        )
    return pd.DataFrame(out)


def verdicts_table(table: pd.DataFrame) -> pd.DataFrame:
    """The topics as a reader sees them."""
    return pd.DataFrame(
        {
            "Question": table["question"],
            "An answer would give": table["answer_words"],
            "Sentences touching it": [
                f"{n} ({prose.plural(k, 'text')})" if n else "none"
                for n, k in zip(table["touching"], table["touching_sources"], strict=True)
            ],
            "Sentences answering it": [
                f"{n} ({prose.plural(k, 'text')})" if n else "none"
                for n, k in zip(table["answering"], table["answering_sources"], strict=True)
            ],
        }
    )


def shown_table(found: pd.DataFrame) -> pd.DataFrame:
    """The sentences a reader is shown: those that answer a question, and those that touch one and no
    record quotes (the ones the check adds to the records), each once, with the topics it touches."""
    shown = found[found["answers"] | (found["record_id"] == "")]
    rows = []
    for (source, sentence), group in shown.groupby(["source_id", "sentence"], sort=False):
        rows.append(
            {
                "Touches": ", ".join(dict.fromkeys(group["topic"])),
                "Answers": ", ".join(dict.fromkeys(group.loc[group["answers"], "topic"])) or "no",
                "In its own words": markup.quoted(sentence),
                "source_id": source,
                "record_id": str(group["record_id"].iloc[0]),
            }
        )
    return pd.DataFrame(rows, columns=["Touches", "Answers", "In its own words", "source_id", "record_id"])


def silence_claim(table: pd.DataFrame, found: pd.DataFrame, n_texts: int) -> str:
    """Which questions no source answers (with how many sentences touch each, and what an answer
    would need) and which some answer (in their words, cited), as MyST."""
    silent = table[table["answering"] == 0]
    said = table[table["answering"] > 0]
    sentences_ = []
    if len(silent):
        names = prose.join([markup.md_escape(str(t).lower()) for t in silent["topic"]])
        untouched = silent[silent["touching"] == 0]
        text = f"No source answers {prose.of(len(silent), len(table), 'question')} asked here ({names})"
        if untouched.empty:
            text += ": sentences touch each of them, but none gives what an answer would need (see the table)"
        else:
            text += (
                f"; no sentence even touches "
                f"{prose.join([markup.md_escape(str(t).lower()) for t in untouched['topic']])}"
            )
        sentences_.append(text + ".")
    for _, t in said.iterrows():
        rows = found[(found["topic"] == t["topic"]) & found["answers"]]
        quoted = prose.join(
            [
                f"{markup.quoted(markup.md_escape(r['sentence']))} {markup.cite(str(r['source_id']))}"
                for _, r in rows.iterrows()
            ]
        )
        n = int(t["answering_sources"])
        sentences_.append(
            f"On {markup.md_escape(str(t['topic']).lower())}, {prose.of(n, n_texts, 'text')} "
            f"{'gives' if n == 1 else 'give'} an answer, in {'its' if n == 1 else 'their'} own words: {quoted}."
        )
    return markup.Markup(" ".join(sentences_))


def check_claim(table: pd.DataFrame, n_texts: int) -> str:
    """How the topics were checked, counted: every sentence of every text searched, and how many of
    the sentences touching a topic no record quotes, as MyST."""
    searched = int(table["searched"].max()) if len(table) else 0
    unrecorded = int(table["unrecorded"].sum())
    return markup.Markup(
        f"Checked by searching every sentence and heading of the {prose.plural(n_texts, 'text')} ({searched} in all), "
        "not only the records: a sentence touches a question when it uses one of the question's words, and answers it "
        f"when it also uses one of the words an answer would need. Of the sentences that touch a question, "
        f"{unrecorded} {'is' if unrecorded == 1 else 'are'} quoted by no record; "
        f"{'it is' if unrecorded == 1 else 'they are'} counted all the same."
    )
