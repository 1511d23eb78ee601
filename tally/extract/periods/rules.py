"""Time-expression patterns per language, each with the resolver that dates it.

A resolver takes the match and the publication Anchor and gives (start, end, kind) or None.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .anchor import (PRE_WAR_END, WAR_START, Anchor, ago, ahead, iso_day, relative,
                     weekday_day, window, year_of_month, ym)
from .names import (MONTHS, NAMED_MOMENTS, NAMED_PERIODS, NUM, ORDINALS, UNIT_EN, UNIT_FR, UNITS, WEEKDAYS, YEAR,
                    alternation, month_names, month_re, number, weekday_names)
from .seasons import season_rules

# "since the Second World War", "après la Grande Guerre": the named period is a reference point.
_NOT_DURING = re.compile(r"\b(?:since|after|before|depuis|après|avant|ever)\b[^,;.()]{0,30}$", re.IGNORECASE)
# "a new Cold War", "une nouvelle guerre froide": another one, not the one named.
_ANOTHER = re.compile(r"\b(?:new|another|second|nouvelle|autre)\s+$", re.IGNORECASE)

def _resolve_month(match: re.Match, lang: str, anchor: Anchor | None, since: bool = False):
    """(start, end) of "[le] [mod] [day] month [year]" groups of `match`."""
    groups = match.groupdict()
    month = month_names(lang)[groups["month"].lower()]
    year = year_of_month(month, groups.get("year"), anchor)
    if year is None:
        return None
    day = groups.get("day") or groups.get("day2")
    mod = (groups.get("mod") or "").lower().strip()
    if day:
        day_iso = iso_day(year, month, 1 if day.lower() in ("1er", "premier") else int(day))
        return (day_iso, day_iso) if day_iso else None
    if mod.startswith("mi"):
        return f"{ym(year, month)}-15", f"{ym(year, month)}-15"
    # "since the end of January" is a day; "late November", "fin mars" stay months.
    if "end" in mod:
        last = f"{ym(year, month)}-{calendar.monthrange(year, month)[1]:02d}"
        return (last, last) if since else (ym(year, month), ym(year, month))
    return ym(year, month), ym(year, month)


def patterns(lang: str):
    """(pattern, resolver[, words one of which a match needs]) for `lang`; a resolver gives
    (start, end, kind) or None."""
    if lang == "fr":
        return _rules_fr(month_re(lang)) + _rules_named("fr") + season_rules("fr")
    if lang == "en" or not month_names(lang):
        return _rules_en(month_re("en")) + _rules_named("en") + season_rules("en")
    return _rules_other(lang, month_re(lang))


def _rules_named(lang: str):
    """Periods known by name ("the Second World War": 1939-1945), unless only a reference point,
    and spans from a moment known by name ("since the collapse of the Soviet Union": 1991 ..)."""
    since = "since" if lang == "en" else "depuis"
    war = ("war", "wwi") if lang == "en" else ("guerre",)
    return [(rf"\b(?:{pattern})(?![\w-])", lambda m, a, start=start, end=end: _named(m, start, end), war)
            for pattern, start, end in NAMED_PERIODS.get(lang, ())] + [
            (rf"\b{since} (?:{pattern})(?![\w-])", lambda m, a, year=year: (year, a and a.iso(), "since"))
            for pattern, year in NAMED_MOMENTS.get(lang, ())]


def _named(match: re.Match, start: str, end: str):
    """(start, end, "time") for a named period, None after "since", "after", "before", "a new"."""
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _NOT_DURING.search(before) or _ANOTHER.search(before):
        return None
    return start, end, "time"



def _rules_en(month: str):
    wd = alternation(WEEKDAYS["en"])
    war = r"(?:the |russia's |moscow's )?(?:full[- ]scale |all-out |large-scale )?(?:war|invasion|conflict)"
    mod = r"(?:(?P<mod>late|early|mid|the end of|the start of|the beginning of|the middle of|end of)(?: |-))?"
    return [
        (rf"\bsince (?:the (?:start|beginning|outset) of {war}|{war} (?:began|started)|(?:the )?"
         rf"(?:full[- ]scale )?invasion)", lambda m, a: (WAR_START, a and a.iso(), "since")),
        (rf"\b(?:at|in) the (?:start|beginning|outset) of {war}", lambda m, a: (WAR_START, WAR_START, "time")),
        (rf"\bin the first year of {war}", lambda m, a: (WAR_START, "2023-02-23", "time")),
        (rf"\b(?:in|during) the (?:opening|early|first|initial)(?: \w+)? (?:phases?|stages?|days|weeks|months) of {war}",
         lambda m, a: (WAR_START, WAR_START[:4], "time")),
        (r"\bpre-war\b", lambda m, a: (None, PRE_WAR_END, "prewar")),
        (r"\bbefore the (?:full[- ]scale )?(?:war|invasion)\b", lambda m, a: (None, PRE_WAR_END, "time")),
        (r"\b(?:killed|died|lost|destroyed) (?:in|during) the (?:full[- ]scale )?war\b(?! (?:in|on|of|with|against)\b)",
         lambda m, a: (WAR_START, a and a.iso(), "since")),
        (rf"\bsince {mod}(?:(?P<day>\d{{1,2}}) )?{month}(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,? (?P<year>{YEAR}))?",
         lambda m, a: _since(_resolve_month(m, "en", a, since=True), a)),
        (rf"\bsince (?P<year>{YEAR})", lambda m, a: (m["year"], a and a.iso(), "since")),
        # "since the war began on 7 October 2023": that day, not the invasion of Ukraine.
        (rf"\bsince (?:[\w-]+ ){{1,4}}(?:began|started|broke out|erupted) on (?:(?P<day>\d{{1,2}}) )?{month}"
         rf"(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,? (?P<year>{YEAR}))?",
         lambda m, a: _since(_resolve_month(m, "en", a, since=True), a)),
        (rf"\bsince (?:[\w-]+ ){{1,4}}(?:began|started|resumed|begun) in (?:(?P<month>{alternation(MONTHS['en']).title()}) )?(?P<year>{YEAR})",
         lambda m, a: _since(_resolve_month(m, "en", a) if m["month"] else (m["year"], m["year"]), a)),
        # "between 1 and 7 September", "from September 1 to 7", "the night of 23 to 24 July": those days.
        (rf"\b(?:between|from|(?:on )?the night of) (?:the )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?:and|to|into|-|–) "
         rf"(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{month}(?:,? (?P<year>{YEAR}))?",
         lambda m, a: _days(m, "en", a), ("between", "from", "night of")),
        (rf"\b(?:between|from|(?:on )?the night of) {month} (?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?:and|to|into|-|–) "
         rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,? (?P<year>{YEAR}))?", lambda m, a: _days(m, "en", a), ("between", "from", "night of")),
        # "overnight into Tuesday": Monday .. Tuesday.
        (rf"\b(?:overnight|the night) into (?P<wd>{wd})\b", lambda m, a: _eve_of(_wd(m, "en", a)), ("into",)),
        (rf"\b(?:between|from) {month} (?:and|to|through|until) (?-i:(?P<month2>{alternation(MONTHS['en']).title()}))(?![a-z])(?:,? (?P<year>{YEAR}))?",
         lambda m, a: _months(m, "en", a)),
        (rf"\b(?:in|over|during|within|for|throughout) (?:the )?(?:past|last|previous) (?P<n>{NUM}) (?P<unit>{UNIT_EN})\b",
         lambda m, a: counted(m, "en", a, window)),
        (r"\b(?:in|over|during|within|for|throughout) the (?:past|last|previous) (?P<unit>year|month|week|day|24 hours)\b",
         lambda m, a: _one(m["unit"], a)),
        (rf"\b(?:over|in|within|during) the (?:next|coming) (?P<n>{NUM}) (?P<unit>{UNIT_EN})\b",
         lambda m, a: counted(m, "en", a, lambda n, u, an: ahead(n, u, an, False), "by")),
        (rf"\bover (?P<n>{NUM}) (?P<unit>years|months)\b", lambda m, a: counted(m, "en", a, window, "over")),
        (rf"\bin (?:just |only )?(?P<n>a|one|{NUM}) (?P<unit>year|years|months|weeks)\b(?!['’] time| later| ago)",
         lambda m, a: counted(m, "en", a, window)),
        (rf"\b(?:about |some |nearly )?(?P<n>{NUM}) (?P<unit>{UNIT_EN}) ago\b",
         lambda m, a: counted(m, "en", a, ago), ("ago",)),
        # "since the start of the year", "year to date": January .. publication.
        (r"\bsince the (?:start|beginning) of (?:the|this) year\b|\byear[- ]to[- ]date\b",
         lambda m, a: _rel("year_to_date", a, "since"), ("year",)),
        (rf"\bsince (?:early |the (?:start|beginning) of )(?P<year>{YEAR})", lambda m, a: (m["year"], a and a.iso(), "since")),
        (r"\b(?:this|over the|during the|at the) weekend\b", lambda m, a: _rel("this_weekend", a), ("weekend",)),
        (r"\blast weekend\b", lambda m, a: _rel("last_weekend", a)),
        # "so far this year" is still the calendar year (CLAIMS.md), not a war total to date.
        (r"\b(?:(?:so far|thus far|to date|earlier) this year|this year (?:so far|to date))\b",
         lambda m, a: _rel("this_year", a), ("this year",)),
        (r"\bthis year\b", lambda m, a: _rel("this_year", a)),
        (r"\blast year\b", lambda m, a: _rel("last_year", a)),
        (r"\bnext year\b", lambda m, a: _rel("next_year", a)),
        (r"\b(?:this|earlier this) month\b", lambda m, a: _rel("this_month", a)),
        (r"\blast month\b", lambda m, a: _rel("last_month", a)),
        (r"\bnext month\b", lambda m, a: _rel("next_month", a)),
        # "in March last year": that month a year before.
        (rf"\b(?:in )?{month},? (?:of )?last year\b", lambda m, a: _month_last_year(m, "en", a), ("last year",)),
        (r"\bby the end of (?:the|this) year\b", lambda m, a: a and (None, str(a.year), "by"), ("end of",)),
        (rf"\b(?:in |during |from )?(?:early|late|mid)[- ](?P<year>{YEAR})", lambda m, a: (m["year"], m["year"], "time"),
         ("early", "late", "mid")),
        # "in the 1990s": the decade.
        (r"\b(?:in|during|throughout) the (?P<decade>(?:19|20)\d0)s\b",
         lambda m, a: (m["decade"], str(int(m["decade"]) + 9), "time"), ("0s",)),
        (r"\b(?:this|during the|over the) week\b", lambda m, a: _rel("this_week", a)),
        (r"\blast week\b", lambda m, a: _rel("last_week", a)),
        (r"\b(?:today|now|currently)\b", lambda m, a: _rel("today", a, "now")),
        (r"\byesterday\b", lambda m, a: _rel("yesterday", a)),
        (r"\bovernight\b|\blast night\b|\bin the (?:past|last) 24 hours\b", lambda m, a: _rel("overnight", a)),
        (r"\b(?:that (?:day|night)|the same (?:day|night)|on that date)\b", lambda m, a: (None, None, "back")),
        # "Hours before the meeting, Russia launched 420 drones": the night before the day of the
        # meeting named earlier; "two days later, Syrskii said": days after the day named earlier.
        (r"\b(?:(?:a few|several|just|only|mere) )?hours (?:before|ahead of|prior to) (?:the|a|his|her|their|its)\b",
         lambda m, a: (None, None, "eve"), ("hours",)),
        (rf"\b(?P<n>{NUM}) (?P<unit>days?|weeks?) later\b|\b(?:the (?:next|following) day|a day later)\b",
         lambda m, a: (None, None, "later"), ("later", "next day", "following day")),
        (r"\b(?:in|during|over|for|within) (?:this|that|the same) (?:period|time)\b",
         lambda m, a: (None, None, "back_period")),
        (rf"\b(?:on |last |this |late |early )?(?P<wd>{wd})(?: (?:night|morning|evening|afternoon))?\b",
         lambda m, a: _wd(m, "en", a)),
        (rf"\b(?:the )?(?P<ord>first|second|third|fourth|last) (?P<what>half|quarter)(?: of (?P<year>{YEAR}|the year))?",
         lambda m, a: _part(m, "en", a), ("half", "quarter")),
        (rf"\b(?-i:(?P<what>[QH])(?P<ord>[1-4]))\b(?:(?: |/)?(?P<year>{YEAR}))?", lambda m, a: _part(m, "en", a)),
        (rf"\bthe first (?P<n>{NUM}) months of (?P<year>{YEAR}|the year)",
         lambda m, a: _first_months(m, "en", a)),
        (rf"\bby the end of (?P<year>{YEAR})", lambda m, a: (f"{m['year']}-12", f"{m['year']}-12", "time")),
        (rf"\b(?:by|until) (?:early |mid-|late )?(?P<year>{YEAR})", lambda m, a: _by_year(m["year"], a)),
        (rf"\b(?:the )?end of (?P<year>{YEAR})", lambda m, a: (f"{m['year']}-12", f"{m['year']}-12", "time")),
        (rf"\b(?:in|between|from|during|for the years) (?P<y1>{YEAR}) ?(?:and|to|-|–|through) ?(?P<y2>{YEAR})",
         lambda m, a: (m["y1"], m["y2"], "time")),
        (rf"\b(?:in|during) (?P<y1>{YEAR})[-–/](?P<y2>\d\d)\b", lambda m, a: (m["y1"], m["y1"][:2] + m["y2"], "time")),
        # "as of December 2025": a level reached by then, from no stated start.
        (rf"\bas of {mod}(?:(?P<day>\d{{1,2}}) )?{month}(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,? (?P<year>{YEAR}))?",
         lambda m, a: _as_of(_resolve_month(m, "en", a))),
        (rf"\bas of (?:the end of )?(?P<year>{YEAR})\b", lambda m, a: (m["year"], m["year"], "asof")),
        (rf"\b(?:in|during|throughout|for|of) (?:the year )?(?P<year>{YEAR})\b(?!['’-])",
         lambda m, a: (m["year"], m["year"], "time")),
        (rf"\b(?:(?P<day>\d{{1,2}}) |{mod}){month}(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,? (?P<year>{YEAR}))?",
         lambda m, a: _point(_resolve_month(m, "en", a))),
        (r"\b(?:to date|so far|thus far|until now|up to now)\b", lambda m, a: ("WAR?", a and a.iso(), "since")),
        # "in 1914, which over the following four years killed millions": from the time named before.
        (rf"\b(?:in|over|during|for|within) the (?:following|subsequent|ensuing) (?P<n>{NUM}) (?P<unit>{UNIT_EN})\b",
         lambda m, a: (None, None, "following")),
        # "in the two and a half years before February 1917": that long up to the time named after.
        (rf"\b(?:in|over|during|for|within) the (?P<n>{NUM})(?: and a half)? (?P<unit>{UNIT_EN}) "
         rf"(?=(?:before|preceding|prior to|leading up to)\b)", lambda m, a: (None, None, "preceding"),
         ("before", "preceding", "prior to", "leading up to")),
        # "agreed in October 2025, [...] have been killed since.": since the time named before.
        (r"\b(?:ever )?since(?: then)?(?=\s*[.,;:)]|\s*$)|\bsince then\b", lambda m, a: _since_back(a), ("since",)),
    ]


def _rules_other(lang: str, month: str):
    """Dates and weekdays by name in any language babel knows: "3. März 2024", "März 2024"."""
    rules = [
        (rf"\b(?P<day>\d{{1,2}})\.?\s?(?:de |of )?{month}(?:,? (?:de )?(?P<year>{YEAR}))?",
         lambda m, a: _point(_resolve_month(m, lang, a))),
        (rf"\b{month}(?: (?:de |del )?(?P<year>{YEAR}))", lambda m, a: _point(_resolve_month(m, lang, a))),
    ]
    days = weekday_names(lang)
    if days:
        rules.append((rf"\b(?P<wd>{alternation(days)})\b", lambda m, a: _wd(m, lang, a)))
    return rules


def _rules_fr(month: str):
    wd = alternation(WEEKDAYS["fr"])
    war = r"(?:la guerre|du conflit|l['’]invasion|l['’]offensive|l['’]op[ée]ration (?:militaire )?sp[ée]ciale)"
    mod = r"(?:(?P<mod>fin|début|mi-|mi|la fin|le début|la mi-) ?(?:de |d['’])?)?"
    day = r"(?P<day>\d{1,2}|1er|premier)"
    return [
        # "depuis le début de la guerre, le 7 octobre 2023": that day, not the invasion of Ukraine.
        (rf"\bdepuis (?:le (?:début|déclenchement) (?:de |d['’]|du )?(?:la guerre|du conflit)|que (?:la guerre|le conflit) "
         rf"a (?:éclaté|commencé|débuté)),? (?:le |en )?(?:{day} )?{month}(?: (?P<year>{YEAR}))?",
         lambda m, a: _since(_resolve_month(m, "fr", a, since=True), a)),
        (rf"\bdepuis (?:le (?:début|déclenchement) (?:de |d['’]|du )?{war}|l['’]invasion|le 24 février(?: 2022)?)",
         lambda m, a: (WAR_START, a and a.iso(), "since")),
        (rf"\bau (?:début|déclenchement) (?:de |d['’]|du )?{war}", lambda m, a: (WAR_START, WAR_START, "time")),
        (rf"\b(?:dans|pendant|durant|lors) (?:les|des) (?:premi[eè]re?s|premiers) (?:phases|semaines|jours|mois|temps) "
         rf"(?:de |d['’]|du )?{war}", lambda m, a: (WAR_START, WAR_START[:4], "time")),
        (r"\bd['’]avant[- ]guerre\b", lambda m, a: (None, PRE_WAR_END, "prewar")),
        (r"\bavant (?:la guerre|l['’]invasion)\b", lambda m, a: (None, PRE_WAR_END, "time")),
        (rf"\bdepuis (?:le |la )?{mod}(?:{day} )?{month}(?: (?P<year>{YEAR}))?(?: dernier)?",
         lambda m, a: _since(_resolve_month(m, "fr", a, since=True), a)),
        (rf"\bdepuis (?:l['’]année )?(?P<year>{YEAR})", lambda m, a: (m["year"], a and a.iso(), "since")),
        (rf"\b(?:entre|de|d['’]) ?{month} (?:et|à) (?P<month2>{alternation(MONTHS['fr'])})(?![a-zà-ÿ])(?: (?P<year>{YEAR}))?",
         lambda m, a: _months(m, "fr", a)),
        (rf"\bdepuis (?:plus de |près de )?(?P<n>{NUM}) (?P<unit>{UNIT_FR})\b", lambda m, a: counted(m, "fr", a, window)),
        (rf"\b(?:au cours|lors|pendant|durant|sur|dans) (?:des|de ces|les|ces) (?P<n>{NUM}) (?:derni[eè]re?s?|pass[ée]e?s?) (?P<unit>{UNIT_FR})\b",
         lambda m, a: counted(m, "fr", a, window)),
        (rf"\b(?:au cours|lors|pendant|durant|sur|dans) (?:des|de ces|les|ces) (?:derni[eè]re?s?|pass[ée]e?s?) (?P<n>{NUM}) (?P<unit>{UNIT_FR})\b",
         lambda m, a: counted(m, "fr", a, window)),
        (rf"\ben (?:seulement |à peine )?(?P<n>un|une|{NUM}) (?P<unit>an|ans|mois|semaines?|jours?)\b",
         lambda m, a: counted(m, "fr", a, window)),
        # "en l'espace d'un an": the same window as "en un an"
        (rf"\ben l['’]espace (?:de |d['’])\s?(?:seulement )?(?P<n>un|une|{NUM}) (?P<unit>an|ans|mois|semaines?|jours?)\b",
         lambda m, a: counted(m, "fr", a, window), ("espace",)),
        (r"\b(?:au cours de la dernière année|l['’]année écoulée|sur un an)\b", lambda m, a: _rel("year_window", a)),
        (rf"\bd['’]ici (?:à )?(?:les |la )?(?P<n>{NUM}) prochaine?s? (?P<unit>{UNIT_FR})\b",
         lambda m, a: counted(m, "fr", a, lambda n, u, an: ahead(n, u, an, True), "by")),
        (rf"\b(?:au cours|pendant|durant|sur) (?:des|les) (?P<n>{NUM}) prochaine?s? (?P<unit>{UNIT_FR})\b",
         lambda m, a: counted(m, "fr", a, lambda n, u, an: ahead(n, u, an, False), "by")),
        (rf"\bil y a (?:environ |près de |plus de )?(?P<n>{NUM}) (?P<unit>{UNIT_FR})\b", lambda m, a: counted(m, "fr", a, ago)),
        (r"\bdepuis (?:le )?(?:début|commencement) (?:de l['’]|d['’])année\b",
         lambda m, a: _rel("year_to_date", a, "since")),
        (rf"\bdepuis (?:le )?début (?:de |d['’])?(?:l['’]année )?(?P<year>{YEAR})",
         lambda m, a: (m["year"], a and a.iso(), "since")),
        (rf"\b(?:au cours des|sur les|pendant les|durant les|dans les|lors des) (?P<n>{NUM}) premiers mois "
         rf"(?:de |d['’])(?:l['’]année )?(?P<year>{YEAR}|l['’]année)", lambda m, a: _first_months(m, "fr", a)),
        (r"\b(?:ce|pendant le|durant le|au cours du) week-end\b", lambda m, a: _rel("this_weekend", a), ("week-end",)),
        (r"\ble week-end dernier\b", lambda m, a: _rel("last_weekend", a)),
        (r"\bcette année\b", lambda m, a: _rel("this_year", a)),
        (r"\bl['’](?:année dernière|an dernier|an passé|année passée)\b", lambda m, a: _rel("last_year", a)),
        (r"\bl['’](?:année prochaine|an prochain)\b", lambda m, a: _rel("next_year", a)),
        (r"\bce mois(?:-ci)?\b", lambda m, a: _rel("this_month", a)),
        (r"\b(?:le|du|au cours du) mois (?:dernier|passé)\b", lambda m, a: _rel("last_month", a)),
        (r"\b(?:le|du|au cours du) mois prochain\b", lambda m, a: _rel("next_month", a), ("mois prochain",)),
        (rf"\b(?:en )?{month} (?:de )?l['’](?:année dernière|an dernier|an passé|année passée)\b",
         lambda m, a: _month_last_year(m, "fr", a), ("dernier", "dernière", "passé")),
        (r"\bd['’]ici (?:à )?la fin de l['’]année\b", lambda m, a: a and (None, str(a.year), "by"), ("fin de l",)),
        (rf"\bd['’]ici (?:à )?(?:début |mi-|mi )(?P<year>{YEAR})", lambda m, a: (None, m["year"], "by")),
        (rf"\b(?:en |au )?(?:début |mi-|mi )(?P<year>{YEAR})", lambda m, a: (m["year"], m["year"], "time"),
         ("début", "mi")),
        (rf"\bces (?P<n>{NUM}) derni[eè]re?s (?P<unit>{UNIT_FR})\b", lambda m, a: counted(m, "fr", a, window), ("derni",)),
        (r"\b(?:dans|pendant|durant|au cours de|depuis) les années (?P<decade>(?:19|20)\d0)\b",
         lambda m, a: (m["decade"], str(int(m["decade"]) + 9), "time"), ("les années",)),
        (r"\bcette semaine\b", lambda m, a: _rel("this_week", a)),
        (r"\bla semaine (?:dernière|passée)\b", lambda m, a: _rel("last_week", a)),
        (r"\b(?:aujourd['’]hui|actuellement|désormais)\b", lambda m, a: _rel("today", a, "now"),
         ("aujourd", "actuellement", "désormais")),
        (r"\bhier\b", lambda m, a: _rel("yesterday", a)),
        (r"\bla veille\b", lambda m, a: _rel("day_before", a)),
        (r"\b(?:au cours|lors) des (?:dernières )?24 (?:dernières )?heures\b"
         r"|\b(?:dans|pendant|durant|au cours de) la nuit\b(?! du)|\bla nuit dernière\b|\bcette nuit\b(?!-là)",
         lambda m, a: _rel("overnight", a), ("heures", "nuit")),
        (rf"\b(?:dans )?la nuit du (?P<d1>\d{{1,2}}) au (?P<day>\d{{1,2}}) {month}(?: (?P<year>{YEAR}))?",
         lambda m, a: _night(m, a)),
        # "du 1er au 7 septembre", "entre le 1er et le 7 septembre": those days.
        (rf"\b(?:du|entre le) (?P<d1>\d{{1,2}}|1er|premier) (?:au|et le) (?P<day>\d{{1,2}}) {month}(?: (?P<year>{YEAR}))?",
         lambda m, a: _days(m, "fr", a), ("du ", "entre le")),
        (r"\b(?:le même jour|ce jour-là|cette nuit-là|la même nuit)\b", lambda m, a: (None, None, "back"),
         ("même", "-là")),
        (r"\b(?:quelques|plusieurs) heures (?:avant|plus tôt que) (?:la|le|les|l['’]|sa|son|leur|leurs)",
         lambda m, a: (None, None, "eve"), ("heures",)),
        (rf"\b(?P<n>{NUM}) (?P<unit>jours?|semaines?) plus tard\b|\ble lendemain\b",
         lambda m, a: (None, None, "later"), ("plus tard", "lendemain")),
        (r"\b(?:durant|pendant|au cours de|sur|dans) (?:cette|la même) période\b",
         lambda m, a: (None, None, "back_period")),
        (rf"\b(?:(?:ce|le) )?(?P<wd>{wd})(?: (?:{day}) {month}(?: (?P<year>{YEAR}))?)?(?: dernier)?\b",
         lambda m, a: _wd(m, "fr", a)),
        (rf"\b(?:au |le |du |pendant le |durant le )?(?P<ord>premier|1er|second|deuxième|troisième|quatrième|dernier) "
         rf"(?P<what>semestre|trimestre)(?: (?:de |d['’])?(?:l['’]année )?(?P<year>{YEAR})| de l['’]année)?",
         lambda m, a: _part(m, "fr", a), ("semestre", "trimestre")),
        (rf"\bd['’]ici (?:à )?(?:la )?fin (?:de |d['’])?(?:l['’]année )?(?P<year>{YEAR})",
         lambda m, a: (None, m["year"], "by")),
        (rf"\bd['’]ici (?:à )?(?:l['’]année )?(?P<year>{YEAR})", lambda m, a: (None, m["year"], "by")),
        (rf"\b(?:à la |la )?fin (?P<year>{YEAR})", lambda m, a: (f"{m['year']}-12", f"{m['year']}-12", "time"), ("fin",)),
        (rf"\b(?:entre|de|en) (?P<y1>{YEAR}) ?(?:et|à|-|–) ?(?P<y2>{YEAR})", lambda m, a: (m["y1"], m["y2"], "time")),
        (rf"\b(?:en|pour|durant|pendant|au cours de|courant|dès|de l['’]année|l['’]année|d['’]ici|au titre de) "
         rf"(?:l['’]année )?(?P<year>{YEAR})\b(?![-’'])", lambda m, a: (m["year"], m["year"], "time")),
        # "à la date du 1er mars 2024": a level reached by then, from no stated start.
        (rf"\b(?:à la date du|en date du|(?:arrêtée?s?|à jour) au) {day} {month}(?: (?P<year>{YEAR}))?",
         lambda m, a: _as_of(_resolve_month(m, "fr", a))),
        (rf"\b(?:(?:le |du |au )?{day} |en |au mois de |courant |{mod}){month}(?: (?P<year>{YEAR}))?(?: dernier)?",
         lambda m, a: _point(_resolve_month(m, "fr", a))),
        (r"\b(?:jusqu['’](?:à présent|ici|à maintenant)|à ce jour)\b",
         lambda m, a: ("WAR?", a and a.iso(), "since")),
        (rf"\b(?:au cours|lors|pendant|durant|dans) (?:des|les) (?P<n>{NUM}) (?P<unit>{UNIT_FR}) "
         rf"(?:suivante?s|qui (?:ont )?suivi)\b", lambda m, a: (None, None, "following")),
        (rf"\b(?:au cours|lors|pendant|durant|dans) (?:des|les) (?P<n>{NUM}) (?P<unit>{UNIT_FR})(?: et demie?)? "
         rf"(?=(?:qui (?:ont )?précédé|précédant|avant)\b)", lambda m, a: (None, None, "preceding"),
         ("précéd", "avant")),
        (r"\bdepuis(?= *[.,;:)]| *$)|\bdepuis (?:lors|cette date|ce moment(?:-là)?)\b", lambda m, a: _since_back(a),
         ("depuis",)),
    ]


def _rel(name: str, anchor: Anchor | None, kind: str = "time"):
    if anchor is None:
        # "now" still tells a state at the time of writing when the date is unknown.
        return (None, None, kind) if kind == "now" else None
    start, end = relative(name, anchor)
    return start, end, kind


def _point(period):
    return None if period is None else (period[0], period[1], "time")


def _since_back(anchor: Anchor | None):
    """'since' with no object: from the time named before it (timex joins the two), to now."""
    return None if anchor is None else (None, anchor.iso(), "since_back")


def _as_of(period):
    return None if period is None else (period[0], period[1], "asof")


def _since(period, anchor: Anchor | None):
    if period is None or anchor is None:
        return None
    return period[0], anchor.iso(), "since"


def _one(unit: str, anchor: Anchor | None):
    if anchor is None:
        return None
    if unit.startswith("24"):
        return _rel("overnight", anchor)
    period = window(1, UNITS[unit], anchor)
    return None if period is None else (period[0], period[1], "time")


def counted(match: re.Match, lang: str, anchor: Anchor | None, span, kind: str = "time"):
    count = number(match["n"], lang)
    unit = UNITS.get(match["unit"].lower())
    if count is None or unit is None:
        return None
    period = span(count, unit, anchor)
    return None if period is None else (period[0], period[1], kind)


def _months(match: re.Match, lang: str, anchor: Anchor | None):
    """'between January and March 2024' -> 2024-01 .. 2024-03 (a year back if it wraps)."""
    first, last = month_names(lang)[match["month"].lower()], month_names(lang)[match["month2"].lower()]
    year = year_of_month(last, match["year"], anchor)
    if year is None:
        return None
    return ym(year if first <= last else year - 1, first), ym(year, last), "time"


def _wd(match: re.Match, lang: str, anchor: Anchor | None):
    if match.groupdict().get("month"):
        return _point(_resolve_month(match, lang, anchor))
    day = weekday_day(weekday_names(lang)[match["wd"].lower()], anchor)
    return None if day is None else (day, day, "time")


def _month_last_year(match: re.Match, lang: str, anchor: Anchor | None):
    """(month, month, "time") of "in March last year": that month of the year before publication."""
    if anchor is None:
        return None
    month = ym(anchor.year - 1, month_names(lang)[match["month"].lower()])
    return month, month, "time"


def _days(match: re.Match, lang: str, anchor: Anchor | None):
    """(first day, last day, "time") of "between 1 and 7 September"; None when the first is not before."""
    period = _resolve_month(match, lang, anchor)
    if period is None or period[1] is None:
        return None
    first = match["d1"].lower()
    first_iso = iso_day(int(period[1][:4]), int(period[1][5:7]), 1 if first in ("1er", "premier") else int(first))
    if first_iso is None or first_iso >= period[1]:
        return None
    return first_iso, period[1], "time"


def _eve_of(day):
    """(the day before, the day, "time") for a night that ends on `day`."""
    if day is None or len(day[1] or "") != 10:
        return day
    return (date.fromisoformat(day[1]) - timedelta(days=1)).isoformat(), day[1], "time"


def _night(match: re.Match, anchor: Anchor | None):
    period = _resolve_month(match, "fr", anchor)
    if period is None or period[1] is None:
        return None
    end = date.fromisoformat(period[1])
    return (end - timedelta(days=1)).isoformat(), period[1], "time"


def _part(match: re.Match, lang: str, anchor: Anchor | None = None):
    """First half / Q3 / premier trimestre [of year] -> its months."""
    what, ordinal = match["what"].lower(), match["ord"].lower()
    index = int(ordinal) if ordinal.isdigit() else ORDINALS.get(ordinal, 1)
    size = 6 if what in ("half", "h", "semestre") else 3
    index = min(index, 12 // size)
    first = (index - 1) * size + 1
    year = match["year"]
    if year and year.isdigit():
        year = int(year)
    elif anchor is not None:
        # No year: the latest such part begun by publication ("in Q4" written in February).
        year = anchor.year if first <= anchor.month else anchor.year - 1
    else:
        return None
    return ym(year, first), ym(year, first + size - 1), "time"


def _first_months(match: re.Match, lang: str, anchor: Anchor | None):
    count = number(match["n"], lang)
    year = match["year"]
    if not year.isdigit():
        year = str(anchor.year) if anchor else None
    if count is None or year is None or not 1 <= count <= 12:
        return None
    return ym(int(year), 1), ym(int(year), count), "time"


def _by_year(year: str, anchor: Anchor | None):
    """'by 2024' in a 2025 text is the level reached that year; 'by 2030' is a deadline."""
    if anchor is not None and int(year) < anchor.year:
        return year, year, "time"
    return None, year, "by"


# Spans joined by "and"/"to" ("late Sunday and early Monday", "between July 2024 and the
