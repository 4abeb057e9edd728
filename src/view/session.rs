//! One run of a demo as the page holds it: the runtime it runs on, its main task and the model
//! read from its recording. Dropping a session stops its run, so leaving a demo or starting a
//! new run never leaves tasks, timers or requests behind.

use crate::aio::{self, PyRepr, Repr, Task};
use crate::demos::params::Params;
use crate::demos::Demo;
use crate::model::{FrameStats, RunModel};
use crate::runtime::{Phase, Runtime};
use crate::trace::Recorder;

pub struct Session {
    pub demo: &'static dyn Demo,
    pub params: Params,
    pub rt: Runtime,
    pub main: Task<Repr>,
    pub model: RunModel,
    /// Frames the page drew during the run (a frozen page shows as one long gap).
    pub frames: FrameStats,
    ended: bool,
}

impl Session {
    /// Starts `demo` on the browser's event loop.
    pub fn start(demo: &'static dyn Demo, params: Params) -> Self {
        let rt = Runtime::new_browser(Recorder::default());
        let main = aio::run(&rt, demo.main(&params));
        let mut frames = FrameStats::default();
        // The run's start counts as a frame, so a freeze before the first one still shows.
        frames.frame(crate::runtime::now_ms());
        Session { demo, params, rt, main, model: RunModel::default(), frames, ended: false }
    }

    /// Reads what the run recorded since the last call. The first time it finds the run over,
    /// it also counts the present as a frame, so a freeze that lasted until the end is measured
    /// even if no frame came between.
    pub fn refresh(&mut self) {
        self.model.ingest(&self.rt.trace());
        if !self.running() && !self.ended {
            self.ended = true;
            self.frames.frame(crate::runtime::now_ms());
        }
    }

    pub fn running(&self) -> bool {
        self.rt.phase() == Phase::Running
    }

    /// The main task's result, as Python would show it, once it ended.
    pub fn result(&self) -> Option<Result<String, String>> {
        self.main.outcome().map(|o| o.map(|r| r.0).map_err(|e| e.py_repr()))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.rt.stop();
    }
}
