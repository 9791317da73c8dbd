// Generated from build_tools/model.py by `python -m build_tools schema`; do not edit.
// The one list of the facts the site's JavaScript shares with the Python tools.
export default Object.freeze({
  "verdicts": {
    "unsupported": {
      "label": "Unsupported claim",
      "target": true,
      "scored": true
    },
    "overreach": {
      "label": "Goes beyond its own source",
      "target": true,
      "scored": true
    },
    "supported": {
      "label": "Supported in the text",
      "target": false,
      "scored": true
    },
    "attributed": {
      "label": "Reported as a source's words",
      "target": false,
      "scored": true
    },
    "background": {
      "label": "Background, not the argument",
      "target": false,
      "scored": false
    },
    "opinion": {
      "label": "Opinion",
      "target": false,
      "scored": false
    },
    "debatable": {
      "label": "Debatable",
      "target": false,
      "scored": false
    }
  },
  "compareVerdicts": {
    "supported": "The source supports it",
    "goes-beyond": "It goes beyond the source",
    "contradicts": "It contradicts the source",
    "cant-tell": "Can't tell from the text"
  },
  "compareMeanings": {
    "supported": "the quoted words say what the article says they say",
    "goes-beyond": "the quoted words say something smaller: fewer, weaker, less certain",
    "contradicts": "the quoted words say the opposite",
    "cant-tell": "the quoted words are about something else, so the passage gives the reader nothing either way"
  },
  "whyLabels": {
    "no-source": "No source: stated as fact with nothing to back it",
    "beyond-source": "Goes further than its own evidence",
    "sweeping": "Sweeping: all, every, entirely",
    "guess-as-fact": "A guess about intent or the future, stated as certain",
    "loaded-words": "Loaded words doing the arguing",
    "cause-leap": "Names a cause without showing it",
    "insinuation": "Implies what it does not say",
    "weak-authority": "An authority whose standing for this claim is not shown",
    "headline-overclaim": "The headline claims more than the body shows",
    "conspiracy": "A hidden plan, asserted without evidence",
    "discrediting": "Attacks the messenger, not the evidence"
  },
  "whyShort": {
    "no-source": "No source",
    "beyond-source": "Beyond its evidence",
    "sweeping": "Sweeping",
    "guess-as-fact": "Guess as fact",
    "loaded-words": "Loaded words",
    "cause-leap": "Unshown cause",
    "insinuation": "Insinuation",
    "weak-authority": "Weak authority",
    "headline-overclaim": "Headline overclaim",
    "conspiracy": "Hidden plan",
    "discrediting": "Attacks the messenger"
  },
  "levels": [
    {
      "name": "Basic",
      "description": "Claims found, less one for each wrong pick, come to less than half of the claims.",
      "learnerName": "Keep practising"
    },
    {
      "name": "Emergent",
      "description": "Claims found, less one for each wrong pick, come to at least half of the claims.",
      "learnerName": "Getting there"
    },
    {
      "name": "Proficient",
      "description": "Every unsupported claim found, and no wrong picks.",
      "learnerName": "Spot on"
    }
  ],
  "emergentShare": 0.5,
  "slugPattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
  "sentenceNumberPattern": "^[0-9]{1,4}$",
  "storagePrefix": "stc:v1:",
  "storageSettings": [
    "student"
  ],
  "limits": {
    "note": 4000,
    "name": 200,
    "count": 9999,
    "picks": 200,
    "resultsExercises": 500,
    "resultsFileBytes": 2000000,
    "progressFileBytes": 1000000
  },
  "resultsFields": {
    "file": {
      "1": [
        "format",
        "assignment",
        "student",
        "created",
        "version",
        "exercises"
      ],
      "2": [
        "format",
        "assignment",
        "student",
        "created",
        "version",
        "exercises"
      ],
      "3": [
        "format",
        "assignment",
        "student",
        "created",
        "version",
        "exercises",
        "checkUps"
      ]
    },
    "exercise": {
      "1": [
        "id",
        "version",
        "kind",
        "picks",
        "why",
        "verdict",
        "note",
        "checked",
        "result",
        "updated"
      ],
      "2": [
        "id",
        "version",
        "kind",
        "picks",
        "why",
        "verdict",
        "note",
        "checked",
        "result",
        "updated",
        "answersSeen"
      ],
      "3": [
        "id",
        "version",
        "kind",
        "picks",
        "why",
        "verdict",
        "note",
        "checked",
        "result",
        "updated",
        "answersSeen"
      ]
    },
    "checkUp": [
      "form",
      "stage",
      "version",
      "picks",
      "submitted",
      "practised"
    ],
    "spotResult": [
      "found",
      "targets",
      "wrong",
      "whyRight",
      "level"
    ],
    "compareResult": [
      "correct",
      "level"
    ]
  },
  "checkUps": {
    "forms": [
      "A",
      "B"
    ],
    "stages": [
      "before",
      "after"
    ]
  },
  "formats": {
    "results": "spot-the-claim-results",
    "progress": "spot-the-claim-progress",
    "version": 3,
    "versionsRead": [
      1,
      2,
      3
    ]
  }
});
