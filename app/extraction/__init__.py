"""Pure fact extraction: text in, typed facts with code-point spans out."""
