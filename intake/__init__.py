"""Intake: articles in, claims out.

Everything that needs both ``sources`` (articles, outlets) and ``factcheck`` (the
claim engine) lives here: the ingest service, browser uploads and import jobs,
and the import commands. Dependencies run one way: intake imports sources and
factcheck; neither imports intake.
"""
