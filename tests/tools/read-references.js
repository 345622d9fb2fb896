// Reads BibLaTeX or RIS files with Citation.js, as a reference manager built on it would,
// and prints, for each file, the CSL-JSON it understood (a list of lists, in file order).
// Usage: node read-references.js bibtex|ris FILE...
const fs = require('fs')
const { Cite } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const [reader, ...paths] = process.argv.slice(2)
const forceType = { bibtex: '@biblatex/text', ris: '@ris/file' }[reader]
if (!forceType || !paths.length) {
  console.error('Usage: node read-references.js bibtex|ris FILE...')
  process.exit(2)
}
const read = paths.map((path) =>
  new Cite(fs.readFileSync(path, 'utf8'), { forceType }).data.map(({ _graph, ...item }) => item)
)
process.stdout.write(JSON.stringify(read))
