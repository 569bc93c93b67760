// bench/render.sh runs this under /usr/bin/time:
//   node carbone.js TEMPLATE.docx DATA.json OUT.docx
// Loads the template and the data, renders DOCX to DOCX (no conversion, so no LibreOffice),
// writes the output — the whole process is measured.
'use strict';
const fs = require('fs');
const carbone = require('carbone');

const [template, data, out] = process.argv.slice(2);
carbone.render(template, JSON.parse(fs.readFileSync(data, 'utf8')), {}, (err, result) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  fs.writeFileSync(out, result, { flag: 'wx' });
  process.exit(0);
});
