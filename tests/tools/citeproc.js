// The reference processor for the golden-string tests: citeproc-js, as Citation.js ships it
// (its en-US locale too), run on the site's own CSL-JSON exports.
// stdin:  {"jobs": [{"style": "<CSL XML>", "items": [CSL-JSON],
//                    "cites": [{"id", "locator", "label"}, ...]}, ...]}
// stdout: {"jobs": [{"bibliography": {"<id>": "entry", ...}, "citations": ["...", ...]}]}
// The bibliography is the job's items as one reference list; each cite is rendered alone
// (first position, no neighbours), as the in-text citation or, in a note style, the note.
// Building an engine compiles its style (seconds for Chicago's), so one engine per style
// serves every job: its registry is emptied between jobs, so each job's items are read anew.
'use strict';
const { plugins } = require('@citation-js/core');
require('@citation-js/plugin-csl');
const CSL = require('citeproc');

const locales = plugins.config.get('@csl').locales;

let byId = {};
const engines = new Map();

function engine(style) {
  if (!engines.has(style)) {
    const sys = {
      retrieveLocale: (lang) => locales.get(lang) || locales.get('en-US'),
      retrieveItem: (id) => byId[id],
    };
    const processor = new CSL.Engine(sys, style, 'en-US', true);
    processor.setOutputFormat('text');
    engines.set(style, processor);
  }
  return engines.get(style);
}

function run(job) {
  byId = Object.fromEntries(job.items.map((item) => [item.id, item]));
  const processor = engine(job.style);
  processor.updateItems([]);
  processor.updateItems(job.items.map((item) => item.id));
  const [meta, entries] = processor.makeBibliography();
  const bibliography = {};
  meta.entry_ids.forEach(([id], index) => { bibliography[id] = entries[index].trim(); });
  const citations = (job.cites || []).map((cite) => processor.makeCitationCluster([cite]));
  return { bibliography, citations };
}

const request = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify({ jobs: request.jobs.map(run) }));
