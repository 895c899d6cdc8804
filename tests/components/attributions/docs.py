"""Hand-built parsed `Doc`s for the attribution rules: each sentence as the English model parses it (word, lemma,
part of speech, tag, dependency, head index, space after), built on a blank pipeline so the rules run without it;
and entity mentions placed by their text."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.components.attributions.found import EntityMention

NLP = spacy.blank("en")


def parsed(rows: tuple[tuple, ...]) -> Doc:
    """A Doc of `rows` (word, lemma, pos, tag, dep, head, space): sentences follow the heads."""
    words, lemmas, pos, tags, deps, heads, spaces = (list(column) for column in zip(*rows))
    return Doc(NLP.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)


def entity(doc: Doc, text: str, kind: str, canonical: str | None = None) -> EntityMention:
    """The entity mention `text` (its first occurrence in `doc`, whose span it holds) of kind `kind`."""
    start = doc.text.index(text)
    return EntityMention(doc.char_span(start, start + len(text)), text, start, start + len(text), kind,
                         canonical or text)


ARGUED = (  # 'The senator argued that the tax was unfair.'
    ('The', 'the', 'DET', 'DT', 'det', 1, True),
    ('senator', 'senator', 'NOUN', 'NN', 'nsubj', 2, True),
    ('argued', 'argue', 'VERB', 'VBD', 'ROOT', 2, True),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 6, True),
    ('the', 'the', 'DET', 'DT', 'det', 5, True),
    ('tax', 'tax', 'NOUN', 'NN', 'nsubj', 6, True),
    ('was', 'be', 'AUX', 'VBD', 'ccomp', 2, True),
    ('unfair', 'unfair', 'ADJ', 'JJ', 'acomp', 6, False),
    ('.', '.', 'PUNCT', '.', 'punct', 2, False),
)

TOLD = (  # '“We will reopen it,” Ortiz told reporters Thursday.'
    ('“', '"', 'PUNCT', '``', 'punct', 8, False),
    ('We', 'we', 'PRON', 'PRP', 'nsubj', 3, True),
    ('will', 'will', 'AUX', 'MD', 'aux', 3, True),
    ('reopen', 'reopen', 'VERB', 'VB', 'ccomp', 8, True),
    ('it', 'it', 'PRON', 'PRP', 'dobj', 3, False),
    (',', ',', 'PUNCT', ',', 'punct', 8, False),
    ('”', '"', 'PUNCT', "''", 'punct', 8, True),
    ('Ortiz', 'Ortiz', 'PROPN', 'NNP', 'nsubj', 8, True),
    ('told', 'tell', 'VERB', 'VBD', 'ROOT', 8, True),
    ('reporters', 'reporter', 'NOUN', 'NNS', 'dobj', 8, True),
    ('Thursday', 'Thursday', 'PROPN', 'NNP', 'npadvmod', 8, False),
    ('.', '.', 'PUNCT', '.', 'punct', 8, False),
)

ACCORDING = (  # 'Prices rose, according to the Labor Department.'
    ('Prices', 'price', 'NOUN', 'NNS', 'nsubj', 1, True),
    ('rose', 'rise', 'VERB', 'VBD', 'ROOT', 1, False),
    (',', ',', 'PUNCT', ',', 'punct', 1, True),
    ('according', 'accord', 'VERB', 'VBG', 'prep', 1, True),
    ('to', 'to', 'ADP', 'IN', 'prep', 3, True),
    ('the', 'the', 'DET', 'DT', 'det', 7, True),
    ('Labor', 'Labor', 'PROPN', 'NNP', 'compound', 7, True),
    ('Department', 'Department', 'PROPN', 'NNP', 'pobj', 4, False),
    ('.', '.', 'PUNCT', '.', 'punct', 1, False),
)

PROFESSOR = (  # 'Adam Lankford, a criminology professor at the University of Alabama, said the number was rising.'
    ('Adam', 'Adam', 'PROPN', 'NNP', 'compound', 1, True),
    ('Lankford', 'Lankford', 'PROPN', 'NNP', 'nsubj', 12, False),
    (',', ',', 'PUNCT', ',', 'punct', 1, True),
    ('a', 'a', 'DET', 'DT', 'det', 5, True),
    ('criminology', 'criminology', 'NOUN', 'NN', 'compound', 5, True),
    ('professor', 'professor', 'NOUN', 'NN', 'appos', 1, True),
    ('at', 'at', 'ADP', 'IN', 'prep', 5, True),
    ('the', 'the', 'DET', 'DT', 'det', 8, True),
    ('University', 'University', 'PROPN', 'NNP', 'pobj', 6, True),
    ('of', 'of', 'ADP', 'IN', 'prep', 8, True),
    ('Alabama', 'Alabama', 'PROPN', 'NNP', 'pobj', 9, False),
    (',', ',', 'PUNCT', ',', 'punct', 1, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 12, True),
    ('the', 'the', 'DET', 'DT', 'det', 14, True),
    ('number', 'number', 'NOUN', 'NN', 'nsubj', 16, True),
    ('was', 'be', 'AUX', 'VBD', 'aux', 16, True),
    ('rising', 'rise', 'VERB', 'VBG', 'ccomp', 12, False),
    ('.', '.', 'PUNCT', '.', 'punct', 12, False),
)

NEXT_PARAGRAPH = (  # 'In a speech last July, he said:\n\nThe economy is strong.'
    ('In', 'in', 'ADP', 'IN', 'prep', 7, True),
    ('a', 'a', 'DET', 'DT', 'det', 2, True),
    ('speech', 'speech', 'NOUN', 'NN', 'pobj', 0, True),
    ('last', 'last', 'ADJ', 'JJ', 'amod', 4, True),
    ('July', 'July', 'PROPN', 'NNP', 'npadvmod', 2, False),
    (',', ',', 'PUNCT', ',', 'punct', 7, True),
    ('he', 'he', 'PRON', 'PRP', 'nsubj', 7, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 7, False),
    (':', ':', 'PUNCT', ':', 'punct', 7, False),
    ('\n\n', '\n\n', 'SPACE', '_SP', 'dep', 8, False),
    ('The', 'the', 'DET', 'DT', 'det', 11, True),
    ('economy', 'economy', 'NOUN', 'NN', 'nsubj', 12, True),
    ('is', 'be', 'AUX', 'VBZ', 'ROOT', 12, True),
    ('strong', 'strong', 'ADJ', 'JJ', 'acomp', 12, False),
    ('.', '.', 'PUNCT', '.', 'punct', 12, False),
)

SEEMED = (  # 'Sanders seemed to soften his stance.'
    ('Sanders', 'sander', 'NOUN', 'NNS', 'nsubj', 1, True),
    ('seemed', 'seem', 'VERB', 'VBD', 'ROOT', 1, True),
    ('to', 'to', 'PART', 'TO', 'aux', 3, True),
    ('soften', 'soften', 'VERB', 'VB', 'xcomp', 1, True),
    ('his', 'his', 'PRON', 'PRP$', 'poss', 5, True),
    ('stance', 'stance', 'NOUN', 'NN', 'dobj', 3, False),
    ('.', '.', 'PUNCT', '.', 'punct', 1, False),
)

WANTS = (  # 'The company wants to take over the mine.'
    ('The', 'the', 'DET', 'DT', 'det', 1, True),
    ('company', 'company', 'NOUN', 'NN', 'nsubj', 2, True),
    ('wants', 'want', 'VERB', 'VBZ', 'ROOT', 2, True),
    ('to', 'to', 'PART', 'TO', 'aux', 4, True),
    ('take', 'take', 'VERB', 'VB', 'xcomp', 2, True),
    ('over', 'over', 'ADP', 'RP', 'prt', 4, True),
    ('the', 'the', 'DET', 'DT', 'det', 7, True),
    ('mine', 'mine', 'NOUN', 'NN', 'dobj', 4, False),
    ('.', '.', 'PUNCT', '.', 'punct', 2, False),
)

HEADLINE = (  # 'Ben Carson slams Hillary and the media in one debate answer.'
    ('Ben', 'Ben', 'PROPN', 'NNP', 'compound', 1, True),
    ('Carson', 'Carson', 'PROPN', 'NNP', 'nsubj', 2, True),
    ('slams', 'slam', 'VERB', 'VBZ', 'ROOT', 2, True),
    ('Hillary', 'Hillary', 'PROPN', 'NNP', 'dobj', 2, True),
    ('and', 'and', 'CCONJ', 'CC', 'cc', 3, True),
    ('the', 'the', 'DET', 'DT', 'det', 6, True),
    ('media', 'medium', 'NOUN', 'NNS', 'conj', 3, True),
    ('in', 'in', 'ADP', 'IN', 'prep', 2, True),
    ('one', 'one', 'NUM', 'CD', 'nummod', 10, True),
    ('debate', 'debate', 'NOUN', 'NN', 'compound', 10, True),
    ('answer', 'answer', 'NOUN', 'NN', 'pobj', 7, False),
    ('.', '.', 'PUNCT', '.', 'punct', 2, False),
)

SAID_SOMETHING = (  # 'She said something strange.'
    ('She', 'she', 'PRON', 'PRP', 'nsubj', 1, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 1, True),
    ('something', 'something', 'PRON', 'NN', 'dobj', 1, True),
    ('strange', 'strange', 'ADJ', 'JJ', 'amod', 2, False),
    ('.', '.', 'PUNCT', '.', 'punct', 1, False),
)

INVERTED = (  # '“The bridge is safe,” said Mayor Ana Ortiz.'
    ('“', '"', 'PUNCT', '``', 'punct', 7, False),
    ('The', 'the', 'DET', 'DT', 'det', 2, True),
    ('bridge', 'bridge', 'NOUN', 'NN', 'nsubj', 3, True),
    ('is', 'be', 'AUX', 'VBZ', 'ccomp', 7, True),
    ('safe', 'safe', 'ADJ', 'JJ', 'acomp', 3, False),
    (',', ',', 'PUNCT', ',', 'punct', 7, False),
    ('”', '"', 'PUNCT', "''", 'punct', 7, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 7, True),
    ('Mayor', 'Mayor', 'PROPN', 'NNP', 'compound', 10, True),
    ('Ana', 'Ana', 'PROPN', 'NNP', 'compound', 10, True),
    ('Ortiz', 'Ortiz', 'PROPN', 'NNP', 'nsubj', 7, False),
    ('.', '.', 'PUNCT', '.', 'punct', 7, False),
)

COLON = (  # 'Graham: Trump’s rhetoric destroying GOP’s chance'
    ('Graham', 'Graham', 'PROPN', 'NNP', 'ROOT', 0, False),
    (':', ':', 'PUNCT', ':', 'punct', 0, True),
    ('Trump', 'Trump', 'PROPN', 'NNP', 'poss', 4, False),
    ('’s', '’s', 'PART', 'POS', 'case', 2, True),
    ('rhetoric', 'rhetoric', 'NOUN', 'NN', 'appos', 0, True),
    ('destroying', 'destroy', 'VERB', 'VBG', 'acl', 4, True),
    ('GOP', 'GOP', 'PROPN', 'NNP', 'poss', 8, False),
    ('’s', '’s', 'PART', 'POS', 'case', 6, True),
    ('chance', 'chance', 'NOUN', 'NN', 'dobj', 5, False),
)

THEY_PLAN = (  # 'Officials said they plan to appeal.'
    ('Officials', 'official', 'NOUN', 'NNS', 'nsubj', 1, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 1, True),
    ('they', 'they', 'PRON', 'PRP', 'nsubj', 3, True),
    ('plan', 'plan', 'VERB', 'VBP', 'ccomp', 1, True),
    ('to', 'to', 'PART', 'TO', 'aux', 5, True),
    ('appeal', 'appeal', 'VERB', 'VB', 'xcomp', 3, False),
    ('.', '.', 'PUNCT', '.', 'punct', 1, False),
)

CHIEF = (  # 'The chief put it simply: “We cannot cover every street.”'
    ('The', 'the', 'DET', 'DT', 'det', 1, True),
    ('chief', 'chief', 'NOUN', 'NN', 'nsubj', 2, True),
    ('put', 'put', 'VERB', 'VBD', 'ccomp', 10, True),
    ('it', 'it', 'PRON', 'PRP', 'dobj', 2, True),
    ('simply', 'simply', 'ADV', 'RB', 'advmod', 2, False),
    (':', ':', 'PUNCT', ':', 'punct', 10, True),
    ('“', '"', 'PUNCT', '``', 'punct', 10, False),
    ('We', 'we', 'PRON', 'PRP', 'nsubj', 10, True),
    ('can', 'can', 'AUX', 'MD', 'aux', 10, False),
    ('not', 'not', 'PART', 'RB', 'neg', 10, True),
    ('cover', 'cover', 'VERB', 'VB', 'ROOT', 10, True),
    ('every', 'every', 'DET', 'DT', 'det', 12, True),
    ('street', 'street', 'NOUN', 'NN', 'dobj', 10, False),
    ('.', '.', 'PUNCT', '.', 'punct', 10, False),
    ('”', '"', 'PUNCT', "''", 'punct', 10, False),
)

ABSOLUTELY = (  # '“Absolutely,” he said.'
    ('“', '"', 'PUNCT', '``', 'punct', 5, False),
    ('Absolutely', 'absolutely', 'ADV', 'RB', 'advmod', 5, False),
    (',', ',', 'PUNCT', ',', 'punct', 5, False),
    ('”', '"', 'PUNCT', "''", 'punct', 5, True),
    ('he', 'he', 'PRON', 'PRP', 'nsubj', 5, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 5, False),
    ('.', '.', 'PUNCT', '.', 'punct', 5, False),
)

AGENCY = (  # 'The agency said it would act.'
    ('The', 'the', 'DET', 'DT', 'det', 1, True),
    ('agency', 'agency', 'NOUN', 'NN', 'nsubj', 2, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 2, True),
    ('it', 'it', 'PRON', 'PRP', 'nsubj', 5, True),
    ('would', 'would', 'AUX', 'MD', 'aux', 5, True),
    ('act', 'act', 'VERB', 'VB', 'ccomp', 2, False),
    ('.', '.', 'PUNCT', '.', 'punct', 2, False),
)

ASKED = (  # 'Asked whether he would run, Reid said he was undecided.'
    ('Asked', 'ask', 'VERB', 'VBN', 'advcl', 7, True),
    ('whether', 'whether', 'SCONJ', 'IN', 'mark', 4, True),
    ('he', 'he', 'PRON', 'PRP', 'nsubj', 4, True),
    ('would', 'would', 'AUX', 'MD', 'aux', 4, True),
    ('run', 'run', 'VERB', 'VB', 'ccomp', 0, False),
    (',', ',', 'PUNCT', ',', 'punct', 7, True),
    ('Reid', 'Reid', 'PROPN', 'NNP', 'nsubj', 7, True),
    ('said', 'say', 'VERB', 'VBD', 'ROOT', 7, True),
    ('he', 'he', 'PRON', 'PRP', 'nsubj', 9, True),
    ('was', 'be', 'AUX', 'VBD', 'ccomp', 7, True),
    ('undecided', 'undecided', 'ADJ', 'JJ', 'acomp', 9, False),
    ('.', '.', 'PUNCT', '.', 'punct', 7, False),
)

CRITICIZED = (  # 'Clinton criticized the plan on Tuesday.'
    ('Clinton', 'Clinton', 'PROPN', 'NNP', 'nsubj', 1, True),
    ('criticized', 'criticize', 'VERB', 'VBD', 'ROOT', 1, True),
    ('the', 'the', 'DET', 'DT', 'det', 3, True),
    ('plan', 'plan', 'NOUN', 'NN', 'dobj', 1, True),
    ('on', 'on', 'ADP', 'IN', 'prep', 1, True),
    ('Tuesday', 'Tuesday', 'PROPN', 'NNP', 'pobj', 4, False),
    ('.', '.', 'PUNCT', '.', 'punct', 1, False),
)

STUDY = (  # 'A study by the RAND Corporation found that costs rose.'
    ('A', 'a', 'DET', 'DT', 'det', 1, True),
    ('study', 'study', 'NOUN', 'NN', 'nsubj', 6, True),
    ('by', 'by', 'ADP', 'IN', 'prep', 1, True),
    ('the', 'the', 'DET', 'DT', 'det', 5, True),
    ('RAND', 'RAND', 'PROPN', 'NNP', 'compound', 5, True),
    ('Corporation', 'Corporation', 'PROPN', 'NNP', 'pobj', 2, True),
    ('found', 'find', 'VERB', 'VBD', 'ROOT', 6, True),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 9, True),
    ('costs', 'cost', 'NOUN', 'NNS', 'nsubj', 9, True),
    ('rose', 'rise', 'VERB', 'VBD', 'ccomp', 6, False),
    ('.', '.', 'PUNCT', '.', 'punct', 6, False),
)

PARENTHETICAL = (  # 'This campaign, he says, is different.'
    ('This', 'this', 'DET', 'DT', 'det', 1, True),
    ('campaign', 'campaign', 'NOUN', 'NN', 'nsubj', 6, False),
    (',', ',', 'PUNCT', ',', 'punct', 4, True),
    ('he', 'he', 'PRON', 'PRP', 'nsubj', 4, True),
    ('says', 'say', 'VERB', 'VBZ', 'parataxis', 6, False),
    (',', ',', 'PUNCT', ',', 'punct', 4, True),
    ('is', 'be', 'AUX', 'VBZ', 'ROOT', 6, True),
    ('different', 'different', 'ADJ', 'JJ', 'acomp', 6, False),
    ('.', '.', 'PUNCT', '.', 'punct', 6, False),
)

HAVE_SAID = (  # 'Officials have repeatedly said in a statement that the bridge is safe.'
    ('Officials', 'official', 'NOUN', 'NNS', 'nsubj', 3, True),
    ('have', 'have', 'AUX', 'VBP', 'aux', 3, True),
    ('repeatedly', 'repeatedly', 'ADV', 'RB', 'advmod', 3, True),
    ('said', 'say', 'VERB', 'VBN', 'ROOT', 3, True),
    ('in', 'in', 'ADP', 'IN', 'prep', 3, True),
    ('a', 'a', 'DET', 'DT', 'det', 6, True),
    ('statement', 'statement', 'NOUN', 'NN', 'pobj', 4, True),
    ('that', 'that', 'SCONJ', 'IN', 'mark', 10, True),
    ('the', 'the', 'DET', 'DT', 'det', 9, True),
    ('bridge', 'bridge', 'NOUN', 'NN', 'nsubj', 10, True),
    ('is', 'be', 'AUX', 'VBZ', 'acl', 6, True),
    ('safe', 'safe', 'ADJ', 'JJ', 'acomp', 10, False),
    ('.', '.', 'PUNCT', '.', 'punct', 3, False),
)

