curl --request PUT \
     --url 'https://app.asana.com/api/1.0/tasks/1401?opt_pretty=true' \
     --header 'accept: application/json' \
     --header 'authorization: Bearer $ASANA_ACCESS_TOKEN' \
     --header 'content-type: application/json' \
     --data '
{
  "data": {
    "completed": true,
    "notes": "Done #1 // shipped"
  }
}
'
