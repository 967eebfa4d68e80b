// APIリファレンス: lists the operations of the OpenAPI document and lets staff try a staff-API GET with a key.
(function () {
  'use strict';
  var root = document.getElementById('operations');
  var status = document.getElementById('reference-status');
  if (!root || !status) return;
  var label = function (name) { return root.getAttribute('data-label-' + name) || ''; };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function tryForm(path, operation, id) {
    var form = el('form', { 'class': 'card', 'data-testid': 'try-' + id });
    var inputs = [];
    (operation.parameters || []).forEach(function (p, i) {
      var field = el('div', { 'class': 'field' });
      var inputId = id + '-p' + i;
      field.appendChild(el('label', { 'for': inputId }, p.name + (p['in'] === 'path' ? ' *' : '')));
      var input = el('input', { id: inputId, name: p.name, 'data-in': p['in'], 'data-testid': 'param-' + id + '-' + p.name });
      field.appendChild(input);
      form.appendChild(field);
      inputs.push(input);
    });
    var button = el('button', { type: 'submit', 'class': 'button', 'data-testid': 'send-' + id }, label('try'));
    form.appendChild(button);
    var output = el('pre', { 'data-testid': 'result-' + id, 'aria-live': 'polite' });
    form.appendChild(output);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var url = path;
      var query = [];
      inputs.forEach(function (input) {
        if (input.getAttribute('data-in') === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value));
        else if (input.value !== '') query.push(encodeURIComponent(input.name) + '=' + encodeURIComponent(input.value));
      });
      if (query.length) url += '?' + query.join('&');
      var key = document.getElementById('api-key').value;
      output.textContent = '…';
      fetch(url, { headers: key ? { 'Authorization': 'Bearer ' + key } : {}, credentials: 'omit' })
        .then(function (response) {
          return response.text().then(function (body) {
            var text = body;
            try { text = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON */ }
            output.textContent = label('result') + ': ' + response.status + '\n' + text;
          });
        })
        .catch(function (error) { output.textContent = String(error); });
    });
    return form;
  }

  fetch(root.getAttribute('data-document'), { credentials: 'same-origin' })
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(function (doc) {
      var count = 0;
      Object.keys(doc.paths || {}).forEach(function (path) {
        var item = doc.paths[path];
        ['get', 'post', 'put', 'delete'].forEach(function (method) {
          var operation = item[method];
          if (!operation) return;
          count++;
          var id = operation.operationId || (method + path).replace(/[^a-zA-Z0-9]/g, '-');
          var section = el('section', { 'class': 'card', 'data-testid': 'operation', 'data-operation': id });
          section.appendChild(el('h2', {}, method.toUpperCase() + ' ' + path));
          if (operation.summary) section.appendChild(el('p', {}, operation.summary));
          if (operation.description) section.appendChild(el('p', { 'class': 'description' }, operation.description));
          var isPublic = !!(item.servers && item.servers.length);
          if (isPublic) section.appendChild(el('p', {}, label('public') + ' ' + item.servers[0].url + path));
          else if (method === 'get') section.appendChild(tryForm(path, operation, id));
          root.appendChild(section);
        });
      });
      status.textContent = count + ' ' + label('loaded');
    })
    .catch(function () { status.textContent = label('failed'); });
})();
