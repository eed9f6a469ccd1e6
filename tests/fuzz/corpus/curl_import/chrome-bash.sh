curl 'https://app.asana.com/api/1.0/tasks?opt_fields=name,due_on' \
  -H 'authority: app.asana.com' \
  -H 'accept: application/json' \
  -H 'content-type: application/json' \
  -H 'cookie: ticket=abc' \
  --data-raw $'{"data":{"name":"It\'s done \\u00e9\\n","projects":["1201"],"workspace":"1001"}}' \
  --compressed
