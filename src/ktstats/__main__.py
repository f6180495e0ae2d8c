"""``python -m ktstats`` runs the command line."""

from ktstats.present.cli import main

raise SystemExit(main())
