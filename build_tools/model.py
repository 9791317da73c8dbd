"""The one schema of the project: articles' front matter and exercises, as pydantic models.

Everything else derives from here: validation, the JSON Schema editors use
(`python -m build_tools schema`), the labels the site shows for verdicts and reasons.
Structural rules live in the models; rules that need the article or the passage
(verbatim quotes, units) live in `checks.py`.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_MONTH, _DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12][0-9]|3[01])"
PARTIAL_DATE_PATTERN = rf"^[0-9]{{4}}(-{_MONTH}(-{_DAY})?)?$"
FULL_DATE_PATTERN = rf"^[0-9]{{4}}-{_MONTH}-{_DAY}$"
WEB_ADDRESS_PATTERN = r"^https://[A-Za-z0-9.-]+(?:/[^\s\"'<>\\`]*)?$"
PATTERN_HINTS = {
    SLUG_PATTERN: "use lower-case words joined by hyphens",
    PARTIAL_DATE_PATTERN: "write a date as YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day",
    FULL_DATE_PATTERN: "write the whole date, YYYY-MM-DD, with a real month and day",
    WEB_ADDRESS_PATTERN: "give the published source's address, starting with https://",
}
"""What an author should write instead, for each text format the models require."""

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lower-case words joined by hyphens, e.g. 'warning-or-threat'."),
]
Text = Annotated[str, StringConstraints(pattern=r"\S")]


def _a_real_day(value: str) -> str:
    """'2026-02-30' fits the pattern but names no day."""
    if value.count("-") == 2:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"'{value}' is not a day of the calendar; check the month and the day"
            ) from None
    return value


PartialDate = Annotated[
    str, StringConstraints(pattern=PARTIAL_DATE_PATTERN), AfterValidator(_a_real_day)
]
FullDate = Annotated[str, StringConstraints(pattern=FULL_DATE_PATTERN), AfterValidator(_a_real_day)]
WebAddress = Annotated[
    str,
    StringConstraints(pattern=WEB_ADDRESS_PATTERN, max_length=500),
    Field(description="An https:// address of the published source."),
]

CHECK_UP_FOLDER = "check-ups"
"""The folder under exercises/ that holds the check-up forms (not an article)."""
PAGE_NAMES = frozenset({"index", "worksheet", "answer-key"})
"""Pages the site makes in each article's folder: an exercise with one of these ids would
replace the page."""
STORAGE_SETTINGS = frozenset({"student"})
"""Settings the browser keeps under the storage prefix, beside the progress records that
are keyed by exercise id: an exercise with one of these ids would read a setting as its
progress."""


def reserved_id_reason(value: str) -> str | None:
    """Why an exercise cannot have this id, or None when it can."""
    if value in PAGE_NAMES:
        return f"'{value}' is the name of a page the site makes for each article"
    if value in STORAGE_SETTINGS:
        return (
            f"'{value}' is the name of a setting the site keeps in the browser beside saved "
            "progress"
        )
    return None


STANDARD_PAGE = "how-we-judge.md"
"""The site page that states the standard every verdict applies: 'How we judge claims'."""

EXPLANATION_MAX_WORDS = 90
"""Longer explanations go unread; the standard asks for two to four short sentences."""


class Verdict(StrEnum):
    """What the text does with a unit, by the standard on the site's page "How we judge
    claims" (docs/how-we-judge.md)."""

    UNSUPPORTED = "unsupported"
    OVERREACH = "overreach"
    SUPPORTED = "supported"
    ATTRIBUTED = "attributed"
    BACKGROUND = "background"
    OPINION = "opinion"
    DEBATABLE = "debatable"

    @property
    def is_target(self) -> bool:
        """A learner should flag it: a find when flagged, a miss when left."""
        return self in (Verdict.UNSUPPORTED, Verdict.OVERREACH)

    @property
    def is_scored(self) -> bool:
        """Counts in the score: targets, and the non-targets that are wrong picks."""
        return self not in UNSCORED_VERDICTS

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.UNSUPPORTED: "Unsupported claim",
    Verdict.OVERREACH: "Goes beyond its own source",
    Verdict.SUPPORTED: "Supported in the text",
    Verdict.ATTRIBUTED: "Reported as a source's words",
    Verdict.BACKGROUND: "Background, not the argument",
    Verdict.OPINION: "Opinion",
    Verdict.DEBATABLE: "Debatable",
}
UNSCORED_VERDICTS = frozenset({Verdict.BACKGROUND, Verdict.OPINION, Verdict.DEBATABLE})


class Why(StrEnum):
    """The techniques a learner can name for an unsupported claim."""

    NO_SOURCE = "no-source"
    BEYOND_SOURCE = "beyond-source"
    SWEEPING = "sweeping"
    GUESS_AS_FACT = "guess-as-fact"
    LOADED_WORDS = "loaded-words"
    CAUSE_LEAP = "cause-leap"
    INSINUATION = "insinuation"
    WEAK_AUTHORITY = "weak-authority"
    HEADLINE_OVERCLAIM = "headline-overclaim"
    CONSPIRACY = "conspiracy"
    DISCREDITING = "discrediting"

    @property
    def label(self) -> str:
        return WHY_LABELS[self]


WHY_LABELS: dict[Why, str] = {
    Why.NO_SOURCE: "No source: stated as fact with nothing to back it",
    Why.BEYOND_SOURCE: "Goes further than its own evidence",
    Why.SWEEPING: "Sweeping: all, every, entirely",
    Why.GUESS_AS_FACT: "A guess about intent or the future, stated as certain",
    Why.LOADED_WORDS: "Loaded words doing the arguing",
    Why.CAUSE_LEAP: "Names a cause without showing it",
    Why.INSINUATION: "Implies what it does not say",
    Why.WEAK_AUTHORITY: "An authority whose standing for this claim is not shown",
    Why.HEADLINE_OVERCLAIM: "The headline claims more than the body shows",
    Why.CONSPIRACY: "A hidden plan, asserted without evidence",
    Why.DISCREDITING: "Attacks the messenger, not the evidence",
}


WHY_SHORT_LABELS: dict[Why, str] = {
    Why.NO_SOURCE: "No source",
    Why.BEYOND_SOURCE: "Beyond its evidence",
    Why.SWEEPING: "Sweeping",
    Why.GUESS_AS_FACT: "Guess as fact",
    Why.LOADED_WORDS: "Loaded words",
    Why.CAUSE_LEAP: "Unshown cause",
    Why.INSINUATION: "Insinuation",
    Why.WEAK_AUTHORITY: "Weak authority",
    Why.HEADLINE_OVERCLAIM: "Headline overclaim",
    Why.CONSPIRACY: "Hidden plan",
    Why.DISCREDITING: "Attacks the messenger",
}
"""The same reasons in a word or two, where a learner's reason is set beside the reference's."""


class CompareVerdict(StrEnum):
    """How an article's characterisation of a source relates to the words it quotes."""

    SUPPORTED = "supported"
    GOES_BEYOND = "goes-beyond"
    CONTRADICTS = "contradicts"
    CANT_TELL = "cant-tell"

    @property
    def label(self) -> str:
        return COMPARE_VERDICT_LABELS[self]


COMPARE_VERDICT_LABELS: dict[CompareVerdict, str] = {
    CompareVerdict.SUPPORTED: "The source supports it",
    CompareVerdict.GOES_BEYOND: "It goes beyond the source",
    CompareVerdict.CONTRADICTS: "It contradicts the source",
    CompareVerdict.CANT_TELL: "Can't tell from the text",
}

COMPARE_VERDICT_MEANINGS: dict[CompareVerdict, str] = {
    CompareVerdict.SUPPORTED: "the quoted words say what the article says they say",
    CompareVerdict.GOES_BEYOND: (
        "the quoted words say something smaller: fewer, weaker, less certain"
    ),
    CompareVerdict.CONTRADICTS: "the quoted words say the opposite",
    CompareVerdict.CANT_TELL: (
        "the quoted words are about something else, so the passage gives the reader "
        "nothing either way"
    ),
}
"""What each compare verdict means, shown beside it (and on "How we judge claims")."""

LEVEL_NAMES = {1: "guided", 2: "practice", 3: "challenge"}


class ResultLevel(StrEnum):
    """The rubric level of one checked exercise, from the lowest up."""

    BASIC = "Basic"
    EMERGENT = "Emergent"
    PROFICIENT = "Proficient"

    @property
    def description(self) -> str:
        return RESULT_LEVEL_DESCRIPTIONS[self]

    @property
    def learner_name(self) -> str:
        """What a learner is told (the rubric names are for teachers)."""
        return LEARNER_RESULT_NAMES[self]


LEARNER_RESULT_NAMES: dict[ResultLevel, str] = {
    ResultLevel.PROFICIENT: "Spot on",
    ResultLevel.EMERGENT: "Getting there",
    ResultLevel.BASIC: "Keep practising",
}
RESULT_LEVEL_DESCRIPTIONS: dict[ResultLevel, str] = {
    ResultLevel.PROFICIENT: "Every unsupported claim found, and no wrong picks.",
    ResultLevel.EMERGENT: (
        "Claims found, less one for each wrong pick, come to at least half of the claims."
    ),
    ResultLevel.BASIC: (
        "Claims found, less one for each wrong pick, come to less than half of the claims."
    ),
}
EMERGENT_SHARE = 0.5
"""Finds minus wrong picks, as a share of the claims to find, that make a result Emergent."""

CONTENT_FILE_MAX_BYTES = 1_000_000
"""An article or exercise file; larger files are refused before they are read."""
CONTENT_LIST_MAX = 200
"""Items in any one list of a content file (answers, splits, sources, …): more than any
passage or note needs, and a bound on the work `validate` does per file."""
CONTENT_MAX_NESTING = 32
"""Lists and sets of keys inside one another in an exercise file or front matter. Real
files need five; deeper ones are refused before a parser that recurses can see them."""
NOTE_MAX_CHARS = 4000
"""A learner's written reason on a compare exercise."""
NAME_MAX_CHARS = 200
"""An assignment's name and a student's name."""
COUNT_MAX = 9999
"""The largest sentence number or count a results or progress file may hold."""
PICKS_MAX = 200
"""Sentences one answer may flag: more than any passage holds."""
RESULTS_MAX_EXERCISES = 500
RESULTS_FILE_MAX_BYTES = 2_000_000
PROGRESS_FILE_MAX_BYTES = 1_000_000
RESULTS_FORMAT = "spot-the-claim-results"
PROGRESS_FORMAT = "spot-the-claim-progress"
FILE_FORMAT_VERSION = 3
"""The version results and progress files are written in. Version 2 added `answersSeen`,
version 3 the check-ups; files of every earlier version in `FILE_FORMAT_VERSIONS` are
still read."""
FILE_FORMAT_VERSIONS = (1, 2, 3)
STORAGE_PREFIX = "stc:v1:"
"""Every key the site keeps in the browser's localStorage starts with this."""


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(StrictModel):
    """A published source that a "What checking finds" note relies on."""

    publisher: Text = Field(description="Who published it: an agency, a newspaper, the UN.")
    title: Text = Field(description="Its title, as published.")
    date: PartialDate = Field(description="When it was published: YYYY, YYYY-MM or YYYY-MM-DD.")
    url: WebAddress | None = None


class Checking(StrictModel):
    """What other sources say about a claim: lateral reading, never part of the verdict."""

    checked: FullDate = Field(description="When the editors checked these sources (YYYY-MM-DD).")
    finds: Text = Field(
        description="What the sources show: true, false, or overtaken by later events."
    )
    sources: list[Source] = Field(
        min_length=1, max_length=CONTENT_LIST_MAX, description="Every source the note relies on."
    )


class ArticleMeta(StrictModel):
    """Front matter of `exercises/<article-id>/article.md`; the body is the cleaned text."""

    title: Text = Field(description="The headline exactly as published.")
    author: Text
    outlet: Text = Field(description="Where the article was published.")
    date: PartialDate = Field(
        description="Publication date as far as the text shows it: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    first_published: Text | None = Field(
        None, description="Where the text says it first appeared, if elsewhere."
    )
    context: Text = Field(
        description="About this text: who is behind it, in our words, every fact attributed."
    )
    since: Checking | None = Field(
        None, description="What has happened since the text was written, dated and sourced."
    )
    content_note: Text | None = Field(None, description="What a reader should know beforehand.")
    cleaning: list[Text] = Field(
        min_length=1,
        max_length=CONTENT_LIST_MAX,
        description="What was repaired in the extracted text, one item per change.",
    )
    exercise_set: Literal["growing", "complete"] = Field(
        "growing",
        description=(
            "'complete' once the article's exercises make a whole set; from then on "
            "`python -m build_tools audit` holds it to the rules for a published set."
        ),
    )


class Answer(StrictModel):
    """The reference answer for one unit of a spot exercise."""

    quote: Text = Field(description="Words of the unit, verbatim from the passage.")
    verdict: Verdict
    why: list[Why] = Field(
        default_factory=list,
        max_length=CONTENT_LIST_MAX,
        description="For targets: the one or two techniques at work.",
    )
    explanation: Text = Field(
        description="What the sentence claims, what the text offers for it, what is missing."
    )
    evidence_needed: Text | None = Field(
        None, description="For targets: what a careful reader would look for to settle it."
    )
    checking: Checking | None = Field(
        None, description='"What checking finds": other sources on this claim, dated.'
    )


class Question(StrictModel):
    """A discussion prompt with a model answer."""

    prompt: Text
    answer: Text


class Difference(StrictModel):
    """Words of the claim set against the words of the source that they change."""

    claim: Text = Field(description="Words inside the exercise's claim, verbatim.")
    source: Text = Field(description="Words inside the exercise's source quote, verbatim.")
    note: Text


class ExerciseBase(StrictModel):
    kind: str  # each kind of exercise narrows it to its own name
    id: Slug = Field(description="Unique and stable: saved progress and results files use it.")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        reason = reserved_id_reason(value)
        if reason:
            raise ValueError(f"{reason}; choose another id")
        return value

    article: Slug = Field(description="The folder name of the article the passage comes from.")
    title: Text
    level: int = Field(ge=1, le=3, description="1 guided, 2 practice, 3 challenge.")
    minutes: int = Field(ge=1, le=90, description="Time a learner needs, roughly.")
    skills: list[Why] = Field(
        min_length=1,
        max_length=CONTENT_LIST_MAX,
        description="The techniques this exercise practises.",
    )
    passage: Text = Field(description="Verbatim from the article; may span paragraphs.")
    splits: list[Text] = Field(
        default_factory=list,
        max_length=CONTENT_LIST_MAX,
        description="Words of the passage at which a new unit begins inside a sentence.",
    )
    hint: Text | None = Field(None, description="A nudge shown before checking (level 1).")
    questions: list[Question] = Field(default_factory=list, max_length=CONTENT_LIST_MAX)


class SpotExercise(ExerciseBase):
    """Find the units the text states as fact without support."""

    kind: Literal["spot"]
    answers: list[Answer] = Field(min_length=1, max_length=CONTENT_LIST_MAX)


class CheckUpExcerpt(StrictModel):
    """A run of whole units from a spot exercise; that exercise's answers are the reference."""

    kind: Literal["excerpt"]
    exercise: Slug = Field(description="The id of the spot exercise the passage comes from.")
    passage: Text = Field(description="Verbatim from the exercise's passage, whole units only.")


class CheckUpInvented(StrictModel):
    """A passage written for the check-up, about an invented place: never real reporting."""

    kind: Literal["invented"]
    level: int = Field(ge=1, le=3, description="1 guided, 2 practice, 3 challenge.")
    about: Annotated[str, StringConstraints(pattern=r"\S", max_length=200)] = Field(
        description="One line shown beside the label 'Invented for this check-up'."
    )
    passage: Text
    splits: list[Text] = Field(default_factory=list, max_length=CONTENT_LIST_MAX)
    answers: list[Answer] = Field(min_length=1, max_length=CONTENT_LIST_MAX)


CheckUpPassage = Annotated[CheckUpExcerpt | CheckUpInvented, Field(discriminator="kind")]
CHECK_UP_PASSAGE_KINDS: dict[str, type[StrictModel]] = {
    "excerpt": CheckUpExcerpt,
    "invented": CheckUpInvented,
}
CheckUpFormName = Literal["A", "B"]
CHECK_UP_FORMS: tuple[str, ...] = ("A", "B")
"""The two parallel forms: a student takes one before an assignment and the other after."""
CheckUpStage = Literal["before", "after"]
CHECK_UP_STAGES: tuple[str, ...] = ("before", "after")


class CheckUpForm(StrictModel):
    """`exercises/check-ups/form-<a|b>.yaml`: one form of the check-up, about 16 items (the
    units with a scored verdict), balanced against the other form level by level."""

    form: CheckUpFormName
    title: Text
    minutes: int = Field(ge=1, le=90, description="Time a learner needs, roughly.")
    content_note: Text | None = Field(None, description="What a reader should know beforehand.")
    passages: list[CheckUpPassage] = Field(min_length=1, max_length=CONTENT_LIST_MAX)


class CompareExercise(ExerciseBase):
    """Set the article's characterisation of a source beside the words it quotes."""

    kind: Literal["compare"]
    source_name: Text = Field(description="The source the article characterises.")
    claim: Text = Field(description="The article's characterisation, verbatim from the passage.")
    source: Text = Field(
        description="The source's words as the article quotes them, verbatim: every quoted "
        "word the reference answer relies on. Pieces from different places in the passage "
        "are joined by ' […] '."
    )
    verdict: CompareVerdict
    explanation: Text
    evidence_needed: Text
    differences: list[Difference] = Field(default_factory=list, max_length=CONTENT_LIST_MAX)
    checking: Checking | None = Field(
        None, description='"What checking finds": other sources on this claim, dated.'
    )

    @property
    def source_pieces(self) -> list[str]:
        """The pieces of the source quote, in the order given ('' for an empty piece)."""
        return [piece.strip() for piece in SOURCE_GAP_PATTERN.split(self.source)]


SOURCE_GAP = " […] "
"""Joins pieces of a source quote taken from different places in the passage."""
SOURCE_GAP_PATTERN = re.compile(r"\[(?:…|\.\.\.)\]")
"""The mark between pieces; the spaces around it are stripped from each piece (a pattern
that took them too would backtrack over a long run of spaces)."""


Exercise = Annotated[SpotExercise | CompareExercise, Field(discriminator="kind")]
EXERCISE_KINDS: dict[str, type[ExerciseBase]] = {
    "spot": SpotExercise,
    "compare": CompareExercise,
}


Count = Annotated[int, Field(ge=0, le=COUNT_MAX)]
SENTENCE_NUMBER_PATTERN = r"^[0-9]{1,4}$"
SentenceNumber = Annotated[str, StringConstraints(pattern=SENTENCE_NUMBER_PATTERN)]


class SpotResult(StrictModel):
    found: Count
    targets: Count
    wrong: Count
    whyRight: Count  # the name the front end writes
    level: ResultLevel


class CompareResult(StrictModel):
    correct: bool
    level: Literal[ResultLevel.BASIC, ResultLevel.PROFICIENT]


class ExerciseResultV1(StrictModel):
    """One exercise in a version 1 results file."""

    id: Slug
    version: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")] = Field(
        description="The content hash of the exercise the student answered."
    )
    kind: Literal["spot", "compare"]
    picks: list[Count] = Field(
        max_length=PICKS_MAX, description="Spot: the numbers of the sentences flagged."
    )
    why: dict[SentenceNumber, Why | Literal[""]] = Field(
        description="Spot: the why-label chosen per flagged sentence; '' where the student "
        "chose one and then went back to no reason, as the site once recorded it."
    )
    verdict: CompareVerdict | Literal[""]
    note: Annotated[str, StringConstraints(max_length=NOTE_MAX_CHARS)]
    checked: bool
    result: SpotResult | CompareResult | None
    updated: str = Field(description="When the student last changed this answer (ISO 8601).")


class ExerciseResult(ExerciseResultV1):
    """One exercise in a results file."""

    answersSeen: bool = Field(  # the name the front end writes
        description="The student showed all reference answers before checking this exercise "
        "for the first time: its result is not their own work."
    )


class CheckUpResult(StrictModel):
    """One check-up in a results file: the picks, scored again by the class report."""

    form: CheckUpFormName
    stage: CheckUpStage
    version: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")] = Field(
        description="The content hash of the form the student answered."
    )
    picks: list[Count] = Field(max_length=PICKS_MAX, description="The units flagged.")
    submitted: str = Field(description="When the student handed the check-up in (ISO 8601).")
    practised: list[Slug] = Field(
        max_length=RESULTS_MAX_EXERCISES,
        description="Exercises the student had checked, or seen the answers of, before taking "
        "the check-up: any holding the form's passages (its items were then no longer new to "
        "them) and, for the check-up before, any of the assignment's.",
    )


class _ResultsFileBase(StrictModel):
    format: Literal["spot-the-claim-results"]
    assignment: Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX_CHARS)]
    student: Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX_CHARS)]
    created: str = Field(description="When the file was downloaded (ISO 8601).")


class ResultsFileV1(_ResultsFileBase):
    """A results file written before answers seen were recorded (still read)."""

    version: Literal[1]
    exercises: list[ExerciseResultV1] = Field(max_length=RESULTS_MAX_EXERCISES)


class ResultsFileV2(_ResultsFileBase):
    """A results file written before check-ups were recorded (still read)."""

    version: Literal[2]
    exercises: list[ExerciseResult] = Field(max_length=RESULTS_MAX_EXERCISES)


class ResultsFile(_ResultsFileBase):
    """The file a student downloads at the end of an assignment and hands to the teacher."""

    version: Literal[3]
    exercises: list[ExerciseResult] = Field(max_length=RESULTS_MAX_EXERCISES)
    checkUps: list[CheckUpResult] = Field(  # the name the front end writes
        max_length=len(CHECK_UP_STAGES),
        description="The check-ups taken before and after, when the assignment has them.",
    )


AnyResultsFile = Annotated[
    ResultsFile | ResultsFileV2 | ResultsFileV1, Field(discriminator="version")
]
"""Every results file the class report reads, told apart by `version`."""
