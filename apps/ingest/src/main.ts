console.log('ingest');
