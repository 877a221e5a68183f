console.log('routing');
