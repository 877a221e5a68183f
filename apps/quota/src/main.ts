console.log('quota');
