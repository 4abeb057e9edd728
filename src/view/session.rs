//! One run of a demo as the page holds it: the runtime it runs on, its main task and the model
//! read from its recording. Dropping a session stops its run, so leaving a demo or starting a
//! new run never leaves tasks, timers or requests behind.

use std::cell::Ref;

use crate::aio::{self, PyRepr, Repr, Task};
use crate::demos::params::Params;
use crate::demos::Demo;
use crate::model::{FrameStats, RunModel};
use crate::runtime::{now_ms, Phase, Runtime};
use crate::trace::Recorder;

pub struct Session {
    pub demo: &'static dyn Demo,
    pub params: Params,
    /// The setup as a link query, to name the run (compare) and to share it.
    pub query: String,
    pub rt: Runtime,
    /// `None` until [`Session::begin`].
    main: Option<Task<Repr>>,
    pub model: RunModel,
    /// Frames the page drew during the run (a frozen page shows as one long gap).
    pub frames: FrameStats,
    ended: bool,
}

impl Session {
    /// Prepares `demo` on the browser's event loop; it starts with [`Session::begin`], which the
    /// page calls once it has laid itself out, so the page's own first render does not land
    /// in the middle of the run.
    pub fn prepare(demo: &'static dyn Demo, params: Params, query: String) -> Self {
        Self::new(demo, params, query, Runtime::new_browser(Recorder::default()))
    }

    /// Starts the run (`asyncio.run(main())`), once.
    pub fn begin(&mut self) {
        if self.main.is_none() {
            self.main = Some(aio::run(&self.rt, self.demo.main(&self.params)));
        }
    }

    /// Sets `demo` up on the virtual clock for step mode: nothing runs until [`Session::step`].
    pub fn stepper(demo: &'static dyn Demo, params: Params, query: String) -> Self {
        let mut s = Self::new(demo, params, query, Runtime::new_virtual());
        s.begin();
        s
    }

    fn new(demo: &'static dyn Demo, params: Params, query: String, rt: Runtime) -> Self {
        let mut frames = FrameStats::default();
        // The run's start counts as a frame, so a freeze before the first one still shows.
        frames.frame(now_ms());
        Session { demo, params, query, rt, main: None, model: RunModel::default(), frames, ended: false }
    }

    /// Step mode: one task resume. False once the run is over.
    pub fn step(&mut self) -> bool {
        let more = self.rt.step();
        self.refresh();
        more
    }

    /// Reads what the run recorded since the last call. The first time it finds the run over,
    /// it also counts the present as a frame, so a freeze that lasted until the end is measured
    /// even if no frame came between.
    pub fn refresh(&mut self) {
        self.model.ingest(&self.rt.trace());
        if !self.running() && !self.ended {
            self.ended = true;
            self.frames.frame(now_ms());
        }
    }

    pub fn running(&self) -> bool {
        self.rt.phase() == Phase::Running
    }

    pub fn trace_ref(&self) -> Ref<'_, Recorder> {
        self.rt.trace()
    }

    /// "semaphore?calls=10&limit=3" (or the slug alone with the lesson's values).
    pub fn label(&self) -> String {
        let mode = if self.rt.is_virtual() { " (step mode)" } else { "" };
        if self.query.is_empty() {
            format!("{}, lesson values{mode}", self.demo.slug())
        } else {
            format!("{} ?{}{mode}", self.demo.slug(), self.query)
        }
    }

    /// The main task's result, as Python would show it, once it ended.
    pub fn result(&self) -> Option<Result<String, String>> {
        self.main.as_ref()?.outcome().map(|o| o.map(|r| r.0).map_err(|e| e.py_repr()))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.rt.stop();
    }
}
