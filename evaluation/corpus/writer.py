"""Writes the articles: originals, syndicated copies and rewrites, with their truth."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from random import Random

from .numbers import _event_day
from .prose import _ANON_OPENERS, _FILLERS, _SYN_RES, _filler, _fillers, _quote, _vary, _x
from .types import CONTRADICTION_RATE, COPY_RATE, REWRITE_RATE, GeneratedArticle, _Event, _Outlet
from .vocabulary import _WD, _WIRES
from .world import _World


class _Writer:
    def __init__(self, articles: int, seed: int) -> None:
        self.r = Random(f"corpus:{seed}:{articles}")
        self.world = _World(self.r, articles)
        self.articles = articles
        # Originals available for copying, most recent last (bounded memory).
        self.recent: list[tuple[GeneratedArticle, list[str], str, str]] = []

    def run(self) -> Iterator[GeneratedArticle]:
        r = self.r
        for k in range(self.articles):
            name = f"gen_{k:06d}.txt"
            roll = r.random()
            if self.recent and roll < COPY_RATE:
                yield self._copy(name)
            elif self.recent and roll < COPY_RATE + REWRITE_RATE:
                yield self._rewrite(name)
            else:
                yield self._original(name)

    # -- building blocks

    def _pick_event(self) -> _Event:
        w = self.world
        return self.r.choices(w.events, cum_weights=w.cum_weights)[0]

    def _outlet(self) -> _Outlet:
        return self.r.choice(self.world.outlets)

    def _byline(self, outlet: _Outlet) -> str:
        r = self.r
        if outlet.kind == "wire" or not outlet.reporters or r.random() < 0.15:
            return r.choice(["Staff Reporter", "Web Desk", f"{outlet.name} Staff", "News Desk"])
        return r.choice(outlet.reporters)

    def _facts_text(self, ev: _Event, contradict: bool) -> tuple[list[str], list[str], list[str]]:
        r = self.r
        chosen = r.sample(ev.facts, k=min(len(ev.facts), r.randint(2, len(ev.facts))))
        bad = r.choice(chosen) if contradict else None
        sentences, ids, wrong = [], [], []
        for f in chosen:
            value = f.value
            if f is bad and f.alter is not None:
                value = f.alter(r, value)
                wrong.append(f.id)
            sentences.append(_vary(r, _x(r, f.render(r, value))))
            ids.append(f.id)
        return sentences, ids, wrong

    def _body(
        self, ev: _Event, outlet: _Outlet, contradict: bool, day: dt.date
    ) -> tuple[list[str], list[str], list[str]]:
        r = self.r
        ctx = ev.ctx
        # Each filler template at most once per article until all are used.
        deck: list[str] = []

        def fill(n: int) -> str:
            out = []
            for _ in range(n):
                if not deck:
                    deck.extend(r.sample(_FILLERS, len(_FILLERS)))
                out.append(_filler(r, ctx, deck.pop()))
            return " ".join(out)

        facts, ids, wrong = self._facts_text(ev, contradict)
        lead = _vary(r, _x(r, r.choice(ev.leads)))
        if facts and r.random() < 0.5:
            lead += " " + facts.pop(0)
        paragraphs = [lead + (" " + fill(1) if r.random() < 0.5 else "")]
        dem = ctx.get("Bdem") or ctx["Adem"]
        blocks: list[str] = []
        for f in facts:
            blocks.append(f"{f} {fill(r.randint(0, 2))}".rstrip())
        for person, text in r.sample(ev.quotes, k=r.randint(1, len(ev.quotes))):
            extra = f" {fill(r.randint(1, 2))}" if r.random() < 0.5 else ""
            blocks.append(_quote(r, person, text, dem) + extra)
        if r.random() < 0.6:
            opener = r.choice(_ANON_OPENERS)
            claim = _vary(r, _x(r, r.choice(ev.anonymous)))
            blocks.append(
                _x(r, opener).format(n=r.choice(["two", "three", "several"]), claim=claim)
            )
        room = 14 - len(blocks)
        for _ in range(max(0, min(r.randint(2, 6), room))):
            blocks.append(fill(r.randint(2, 3)))
        # Papers run to at least 2 KB; pad the colour paragraphs, not the count.
        size = len(lead) + sum(len(b) for b in blocks)
        while size < 2000:
            i = r.randrange(len(blocks))
            extra = fill(1)
            blocks[i] += " " + extra
            size += len(extra) + 1
        # Facts first, colour later, but not rigidly: shuffle the tail only.
        head, tail = blocks[:2], blocks[2:]
        r.shuffle(tail)
        paragraphs.extend(head + tail)
        when = _event_day(ev.day, day)
        return [p.replace(_WD, when) for p in paragraphs], ids, wrong

    def _render(
        self,
        headline: str,
        outlet: _Outlet,
        byline: str,
        day: dt.date,
        paragraphs: list[str],
        credit: str,
    ) -> str:
        r = self.r
        parts = [f"{headline}\nsource: {outlet.name}\nby: {byline}\ndate {day.isoformat()}"]
        body = list(paragraphs)
        if r.random() < 0.1:
            words = sum(len(p.split()) for p in body)
            body[-1] = f"{body[-1]} ({words} words)"
        parts.extend(body)
        if credit:
            parts.append(credit)
        if r.random() < 0.08:
            parts.append("Comments are closed.")
        if r.random() < 0.1:
            others = [self._pick_event() for _ in range(r.randint(2, 3))]
            lines = ["Read next"]
            for ev in others:
                lines.append(r.choice(ev.headlines))
                lines.append(ev.blurb)
            parts.append("\n".join(lines))
        return "\n\n".join(parts) + "\n"

    def _credit(self, outlet: _Outlet, p: float) -> str:
        r = self.r
        wire = outlet.wire or (outlet.name if outlet.kind == "wire" else "")
        if not wire or r.random() >= p:
            return ""
        return r.choice(
            [f"(With inputs from {wire})", f"Based On {wire} Report", f"(With inputs from {wire})"]
        )

    def _remember(
        self, art: GeneratedArticle, paragraphs: list[str], headline: str, credit: str
    ) -> None:
        self.recent.append((art, paragraphs, headline, credit))
        if len(self.recent) > 300:
            del self.recent[:100]

    # -- the three kinds of article

    def _original(self, name: str) -> GeneratedArticle:
        r = self.r
        ev = self._pick_event()
        outlet = self._outlet()
        contradict = r.random() < CONTRADICTION_RATE
        day = ev.day + dt.timedelta(days=r.choice([-2, -1, 0, 0, 1, 1, 2, 3]))
        paragraphs, ids, wrong = self._body(ev, outlet, contradict, day)
        headline = r.choice(ev.headlines)
        credit = self._credit(outlet, 0.6)
        text = self._render(headline, outlet, self._byline(outlet), day, paragraphs, credit)
        art = GeneratedArticle(
            name, text, ev.index, outlet.name, "original", None, tuple(ids), tuple(wrong)
        )
        self._remember(art, paragraphs, headline, credit)
        return art

    def _copy(self, name: str) -> GeneratedArticle:
        """A syndicated copy: new outlet and headline, light edits, a credit."""
        r = self.r
        src, paragraphs, headline, credit = r.choice(self.recent)
        ev = self.world.events[src.event]
        outlet = self._outlet()
        paras = list(paragraphs)
        if len(paras) > 4 and r.random() < 0.5:
            del paras[r.randrange(1, len(paras))]
        if r.random() < 0.4:
            paras.insert(r.randrange(1, len(paras) + 1), _fillers(r, ev.ctx, 2))
        for _ in range(r.randint(0, 3)):
            i = r.randrange(len(paras))
            pattern, repl = r.choice(_SYN_RES)
            paras[i] = pattern.sub(repl, paras[i], count=1)
        alternatives = [h for h in ev.headlines if h != headline] or [headline]
        new_headline = r.choice(alternatives) if r.random() < 0.7 else headline
        wire = src.outlet if src.outlet in _WIRES else r.choice(_WIRES)
        credit = credit or (f"(With inputs from {wire})" if r.random() < 0.7 else "")
        day = dt.date.fromisoformat(src.text.split("\ndate ", 1)[1][:10]) + dt.timedelta(
            days=r.choice([0, 0, 1])
        )
        text = self._render(new_headline, outlet, self._byline(outlet), day, paras, credit)
        return GeneratedArticle(
            name, text, src.event, outlet.name, "copy", src.name, src.facts, src.contradicted
        )

    def _rewrite(self, name: str) -> GeneratedArticle:
        """A light rewrite: the lead and two paragraphs kept, the rest new."""
        r = self.r
        src, paragraphs, _, _ = r.choice(self.recent)
        ev = self.world.events[src.event]
        outlet = self._outlet()
        day = dt.date.fromisoformat(src.text.split("\ndate ", 1)[1][:10]) + dt.timedelta(
            days=r.choice([0, 1, 2])
        )
        fresh, ids, wrong = self._body(ev, outlet, False, day)
        kept = r.sample(paragraphs[1:], k=min(2, len(paragraphs) - 1))
        paras = [paragraphs[0], *fresh[1:]]
        for p in kept:
            paras.insert(r.randrange(1, len(paras) + 1), p)
        text = self._render(r.choice(ev.headlines), outlet, self._byline(outlet), day, paras, "")
        facts = tuple(dict.fromkeys(src.facts + tuple(ids)))
        return GeneratedArticle(
            name, text, src.event, outlet.name, "rewrite", src.name, facts, src.contradicted
        )
