-- The second reference processor of the golden-string tests: pandoc's citeproc, exactly as
-- `pandoc --citeproc -f markdown -t plain --wrap=none` runs it, many documents in one
-- process (starting pandoc once per document is most of a run's time).
-- stdin:  {"documents": [{"markdown": "...", "bibliography": "/path/export.json",
--                         "csl": "/path/style.csl"}, ...]}
-- stdout: {"documents": ["<plain text>", ...]}
local request = pandoc.json.decode(io.read('a'), false)
local outputs = {}
for _, document in ipairs(request.documents) do
  local doc = pandoc.read(document.markdown, 'markdown')
  doc.meta.bibliography = document.bibliography
  doc.meta.csl = document.csl
  doc.meta.lang = 'en-US'
  doc = pandoc.utils.citeproc(doc)
  table.insert(outputs, pandoc.write(doc, 'plain', {wrap_text = 'none'}))
end
io.write(pandoc.json.encode({documents = outputs}))
