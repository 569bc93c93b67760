// bench/render.sh runs this under /usr/bin/time:
//   node docxtemplater.js TEMPLATE.docx DATA.json OUT.docx
// Loads the template and the data, renders, writes the output — the whole process is measured.
'use strict';
const fs = require('fs');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const [template, data, out] = process.argv.slice(2);
const zip = new PizZip(fs.readFileSync(template));
const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
doc.render(JSON.parse(fs.readFileSync(data, 'utf8')));
fs.writeFileSync(out, doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }), { flag: 'wx' });
