-- Renders CSL-JSON items with pandoc's citeproc, many jobs in one pandoc process.
-- stdin:  {"jobs": [{"style": "/path/x.csl", "mode": "entries"|"bibliography"|"citations",
--                    "items": "<CSL-JSON array as text>",
--                    "cites": [{"id": ..., "locator": "9", "label": "paragraph"}, ...]}]}
-- stdout: {"jobs": [[{"id": ..., "html": ..., "text": ...}, ...], ...]}
-- The items are read by citeproc as a bibliography file (CSL-JSON as written, every
-- variable kept), never as document metadata, whose conversion drops `contributor`.
-- "entries" renders each item alone (no disambiguation against its neighbours), so one
-- item renders the same whatever batch it came in; "bibliography" renders the items as
-- one reference list, sorted and disambiguated by the style; "citations" renders each cite
-- alone, as the in-text citation (or, in a note style, the note) of one use of an item;
-- "apart" renders many cites (one paragraph each) and many entries in one citeproc run, for
-- works the caller has made independent (render.py: each cited once, no two works sharing
-- a name), so each string reads as it would alone, at a fraction of the cost.

local LOCATOR_TERMS = {paragraph = 'para.', page = 'p.'}

local function written(div_or_blocks)
  local inlines = pandoc.utils.blocks_to_inlines(div_or_blocks)
  local plain = pandoc.Pandoc{pandoc.Plain(inlines)}
  return {
    html = pandoc.write(plain, 'html', {wrap_text = 'none'}):gsub('%s+$', ''),
    text = pandoc.write(plain, 'plain', {wrap_text = 'none'}):gsub('%s+$', ''),
  }
end

local function processed(blocks, file, style, nocite, suppress)
  local meta = {
    bibliography = file, csl = style, lang = 'en-US',
    nocite = nocite, ['suppress-bibliography'] = suppress,
  }
  return pandoc.utils.citeproc(pandoc.Pandoc(blocks, meta))
end

local function cited(ids)
  local citations = {}
  for _, id in ipairs(ids) do
    table.insert(citations, pandoc.Citation(id, 'NormalCitation'))
  end
  return pandoc.Inlines{pandoc.Cite({pandoc.Str('@')}, citations)}
end

local function entries_in(doc)
  local entries = {}
  doc:walk{Div = function(div)
    if div.classes:includes('csl-entry') then
      local entry = written(div.content)
      entry.id = div.identifier:gsub('^ref%-', '')
      table.insert(entries, entry)
    end
  end}
  return entries
end

local function entries_of(file, style, ids)
  return entries_in(processed({}, file, style, cited(ids), false))
end

local function cite_source(cite)
  local source = '[@' .. cite.id
  if cite.locator and LOCATOR_TERMS[cite.label] then
    source = source .. ', ' .. LOCATOR_TERMS[cite.label] .. ' ' .. cite.locator
  end
  return source .. ']'
end

-- The citation a processed block holds: its note's text, or the in-text citation.
local function citation_in(block, id)
  local found
  pandoc.Pandoc({block}):walk{
    Note = function(note) found = found or note.content end,
    Cite = function(citation) found = found or {pandoc.Plain(citation.content)} end,
  }
  local entry = written(found or {})
  entry.id = id
  return entry
end

local function citation_of(file, style, cite)
  local blocks = pandoc.read(cite_source(cite), 'markdown').blocks
  local doc = processed(blocks, file, style, nil, true)
  return citation_in(pandoc.Div(doc.blocks), cite.id)
end

-- One run for cites and entries the caller has made independent: each cite a paragraph,
-- its citation marked part "citation"; the reference list of the works in `entry_ids`,
-- each entry marked part "entry" (the cited works are in the list too; the caller reads
-- the entries it asked for).
local function apart(file, style, cites, entry_ids)
  local sources = {}
  for _, cite in ipairs(cites) do
    table.insert(sources, cite_source(cite))
  end
  local blocks = pandoc.read(table.concat(sources, '\n\n'), 'markdown').blocks
  local listed = #entry_ids > 0
  local nocite = listed and cited(entry_ids) or nil
  local doc = processed(blocks, file, style, nocite, not listed)
  local results = {}
  for index, cite in ipairs(cites) do
    local entry = citation_in(doc.blocks[index], cite.id)
    entry.part = 'citation'
    table.insert(results, entry)
  end
  assert(#doc.blocks == #cites + (listed and 1 or 0), 'citeproc did not keep one paragraph per cite')
  if listed then
    for _, entry in ipairs(entries_in(pandoc.Pandoc({doc.blocks[#doc.blocks]}))) do
      entry.part = 'entry'
      table.insert(results, entry)
    end
  end
  return results
end

local request = pandoc.json.decode(io.read('a'), false)
local results = {}
for _, job in ipairs(request.jobs) do
  -- os.tmpname makes the file; pandoc needs the .json ending to read it as CSL-JSON.
  local reserved = os.tmpname()
  local file = reserved .. '.json'
  local handle = assert(io.open(file, 'w'))
  handle:write(job.items)
  handle:close()
  local ids = {}
  for _, item in ipairs(pandoc.json.decode(job.items, false)) do
    table.insert(ids, item.id)
  end
  local entries = {}
  local ok, failure = pcall(function()
    if job.mode == 'bibliography' then
      entries = entries_of(file, job.style, ids)
    elseif job.mode == 'apart' then
      entries = apart(file, job.style, job.cites, job.entry_ids)
    elseif job.mode == 'citations' then
      for _, cite in ipairs(job.cites) do
        table.insert(entries, citation_of(file, job.style, cite))
      end
    else
      for _, id in ipairs(ids) do
        for _, entry in ipairs(entries_of(file, job.style, {id})) do
          table.insert(entries, entry)
        end
      end
    end
  end)
  os.remove(file)
  os.remove(reserved)
  if not ok then error(failure) end
  table.insert(results, entries)
end
io.write(pandoc.json.encode({jobs = results}))
