"""The seed newsroom: the three seed articles' facts, figures and quotes as data
(`seed.data`), their idempotent loader (`seed.loader`, command `seed_newsroom`) and the
fictional draft contest the import examples write into (`seed.import_example`, command
`load_import_example`). `make run` loads both."""
