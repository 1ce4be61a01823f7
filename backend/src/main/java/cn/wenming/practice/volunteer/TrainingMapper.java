package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface TrainingMapper extends BaseMapper<Training> {

	default List<Training> findByVolunteers(Collection<Long> volunteerIds) {
		return volunteerIds.isEmpty() ? List.of()
				: selectList(new QueryWrapper<Training>().in("volunteer_id", volunteerIds).orderByAsc("volunteer_id", "id"));
	}

}
