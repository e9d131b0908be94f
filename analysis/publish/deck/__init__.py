"""The slide deck: :mod:`~analysis.publish.deck.slides` assembles it from the formatting
helpers of :mod:`~analysis.publish.deck.shapes` and the native chart of each figure in
:mod:`~analysis.publish.deck.native`."""
