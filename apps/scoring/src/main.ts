console.log('scoring');
