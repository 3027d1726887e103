from hq.cli import main

raise SystemExit(main())
