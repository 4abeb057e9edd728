//! One run of a demo as the page holds it: the runtime it runs on, its main task and the model
//! read from its recording. Dropping a session stops its run, so leaving a demo or starting a
//! new run never leaves tasks, timers or requests behind.

use crate::aio::{self, PyRepr, Repr, Task};
use crate::demos::params::Params;
use crate::demos::Demo;
use crate::model::RunModel;
use crate::runtime::{Phase, Runtime};
use crate::trace::Recorder;

pub struct Session {
    pub demo: &'static dyn Demo,
    pub params: Params,
    pub rt: Runtime,
    pub main: Task<Repr>,
    pub model: RunModel,
}

impl Session {
    /// Starts `demo` on the browser's event loop.
    pub fn start(demo: &'static dyn Demo, params: Params) -> Self {
        let rt = Runtime::new_browser(Recorder::default());
        let main = aio::run(&rt, demo.main(&params));
        Session {
            demo,
            params,
            rt,
            main,
            model: RunModel::default(),
        }
    }

    /// Reads what the run recorded since the last call.
    pub fn refresh(&mut self) {
        self.model.ingest(&self.rt.trace());
    }

    pub fn running(&self) -> bool {
        self.rt.phase() == Phase::Running
    }

    /// The main task's result, as Python would show it, once it ended.
    pub fn result(&self) -> Option<Result<String, String>> {
        self.main
            .outcome()
            .map(|o| o.map(|r| r.0).map_err(|e| e.py_repr()))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.rt.stop();
    }
}
