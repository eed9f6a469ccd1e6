curl --json '{"data":{"name":"x","followers":["1102","1103"],"due_on":null}}' https://localhost:8080/api/1.0/tasks && curl --url-query limit=5 --url-query +opt_fields=gid localhost/api/1.0/tags
