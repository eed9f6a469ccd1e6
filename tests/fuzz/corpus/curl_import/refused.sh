curl -F file=@a.png https://app.asana.com/api/1.0/attachments
curl https://app.asana.com/api/1.0/tasks/{1,2}
curl -d @body.json https://app.asana.com/api/1.0/tasks
