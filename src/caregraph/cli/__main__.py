from caregraph.cli.app import main

main()
