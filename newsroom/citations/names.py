"""A person's byline split into CSL name parts: given, particle, family and suffix.

A byline is stored as the outlet prints it ("Martin Luther King Jr.", "Ludwig van
Beethoven"). Splitting it at the last space makes "Jr." a family name and drops the
particle into the given names, so every style and reference manager then misfiles the
person. Here a trailing generational suffix (Jr., Sr., II, III, IV) is kept apart, and the
lower-case words that precede the family name ("van", "de la") become its particle, which
CSL calls non-dropping (it stays with the family name: "van Beethoven, L."). Anything else
stays whole rather than guessed: one word is a family name alone.
"""

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PARTICLES = {"van", "von", "de", "del", "della", "der", "den", "di", "da", "du", "la", "le", "ter"}


def split_person_name(name: str) -> dict:
    """{"given", "family", and where present "non-dropping-particle" and "suffix"}."""
    words = " ".join(name.split()).split(" ")
    parts = {}
    if len(words) > 2 and words[-1].rstrip(",").lower() in SUFFIXES:
        parts["suffix"] = words.pop().rstrip(",")
        words[-1] = words[-1].rstrip(",")
    if len(words) == 1:
        return {"family": words[0], **parts}
    family = [words.pop()]
    particle = []
    while len(words) > 1 and words[-1] in PARTICLES:
        particle.insert(0, words.pop())
    result = {"family": " ".join(family), "given": " ".join(words)}
    if particle:
        result["non-dropping-particle"] = " ".join(particle)
    return {**result, **parts}
