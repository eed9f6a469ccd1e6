curl -sSL -G https://app.asana.com/api/1.0/projects/1201/tasks --data-urlencode 'opt_fields=name,assignee.name' -d limit=50 -d offset=eyJ0 -H 'Accept: application/json'
curl -I "https://app.asana.com/api/1.0/users/me"
curl -X DELETE 'https://app.asana.com/api/1.0/tags/1505'; curl -g 'https://app.asana.com/api/1.0/workspaces/1001/typeahead?resource_type=task&query=%5Bx%5D'
