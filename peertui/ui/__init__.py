"""The Textual screens. Everything under here may import Textual; nothing outside it does."""
