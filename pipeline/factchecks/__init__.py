from .matching import Matcher
