-- Renders CSL-JSON items with pandoc's citeproc, many jobs in one pandoc process.
-- stdin:  {"jobs": [{"style": "/path/x.csl", "mode": "entries"|"bibliography",
--                    "items": "<CSL-JSON array as text>"}]}
-- stdout: {"jobs": [[{"id": ..., "html": ..., "text": ...}, ...], ...]}
-- "entries" renders each item alone (no disambiguation against its neighbours), so one
-- item renders the same whatever batch it came in; "bibliography" renders the items as
-- one reference list, sorted and disambiguated by the style.

local function every_item()
  return pandoc.Inlines{pandoc.Cite({pandoc.Str('@*')}, {pandoc.Citation('*', 'NormalCitation')})}
end

local function entries_of(references, style)
  local meta = {references = references, csl = style, nocite = every_item(), lang = 'en-US'}
  local doc = pandoc.utils.citeproc(pandoc.Pandoc({}, meta))
  local entries = {}
  doc:walk{Div = function(div)
    if div.classes:includes('csl-entry') then
      local inlines = pandoc.utils.blocks_to_inlines(div.content)
      local plain = pandoc.Pandoc{pandoc.Plain(inlines)}
      table.insert(entries, {
        id = div.identifier:gsub('^ref%-', ''),
        html = pandoc.write(plain, 'html', {wrap_text = 'none'}):gsub('%s+$', ''),
        text = pandoc.write(plain, 'plain', {wrap_text = 'none'}):gsub('%s+$', ''),
      })
    end
  end}
  return entries
end

local request = pandoc.json.decode(io.read('a'), false)
local results = {}
for _, job in ipairs(request.jobs) do
  local references = pandoc.read(job.items, 'csljson').meta.references or {}
  local entries = {}
  if job.mode == 'bibliography' then
    entries = entries_of(references, job.style)
  else
    for _, reference in ipairs(references) do
      for _, entry in ipairs(entries_of({reference}, job.style)) do
        table.insert(entries, entry)
      end
    end
  end
  table.insert(results, entries)
end
io.write(pandoc.json.encode({jobs = results}))
