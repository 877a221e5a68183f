import { Route, Routes } from 'react-router-dom';

export function App() {
  return (
    <main>
      <h1>Handoff console</h1>
      <Routes>
        <Route path="/" element={<p>Loading…</p>} />
      </Routes>
    </main>
  );
}

export default App;
