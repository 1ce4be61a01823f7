package cn.wenming.practice.project;

import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface ProjectBrandChangeMapper extends BaseMapper<ProjectBrandChange> {

	/** The trail of one project, newest first. */
	default List<ProjectBrandChange> ofProject(long projectId) {
		return selectList(new LambdaQueryWrapper<ProjectBrandChange>().eq(ProjectBrandChange::getProjectId, projectId)
			.orderByDesc(ProjectBrandChange::getId));
	}

}
